package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Reduce;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = Σᵢ xᵢ} over all elements, a scalar. Linear. JVP: {@code ẏ = Σ ẋ}. VJP: {@code x̄ =
 * broadcast(ȳ)} (every element receives ȳ).
 */
public final class Sum implements LinearOp {
  /** The one instance. */
  public static final Sum INSTANCE = new Sum();

  private Sum() {}

  @Override
  public String name() {
    return "sum";
  }

  @Override
  public String rule() {
    return "ȳ·1";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    return Shape.SCALAR;
  }

  @Override
  public Tensor forward(Tensor... in) {
    if (in[0].dtype() == DType.F32) {
      return Tensor.wrap(Shape.SCALAR, new float[] {Reduce.sum(in[0].readF32())});
    }
    return Tensor.scalar(Reduce.sum(in[0].readF64()));
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.broadcastTo(g, node.input(0).shape())};
  }
}
