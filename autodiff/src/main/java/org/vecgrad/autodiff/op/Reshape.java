package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = reshape(x, s)}: the same elements in row-major order, another shape. Linear. JVP:
 * {@code ẏ = reshape(ẋ, s)}. VJP: {@code x̄ = reshape(ȳ, shape x)}.
 */
public final class Reshape implements LinearOp {
  private final Shape target;

  /** Reshapes to {@code target}. */
  public Reshape(Shape target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "reshape";
  }

  @Override
  public String label() {
    return "reshape" + target;
  }

  @Override
  public String rule() {
    return "reshape(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    if (in[0].size() != target.size()) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape "
              + in[0]
              + " ("
              + in[0].size()
              + " elements) to "
              + target
              + " ("
              + target.size()
              + " elements)");
    }
    return target;
  }

  @Override
  public Tensor forward(Tensor... in) {
    return in[0].reshape(target);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.reshape(g, node.input(0).shape())};
  }
}
