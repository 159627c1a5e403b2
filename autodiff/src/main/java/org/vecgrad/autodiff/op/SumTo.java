package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = sumTo(x, s)}: sums x over the axes along which {@code s} was broadcast, the transpose
 * of {@link BroadcastTo}. Linear. JVP: {@code ẏ = sumTo(ẋ, s)}. VJP: {@code x̄ = broadcastTo(ȳ,
 * shape x)}.
 */
public final class SumTo implements LinearOp {
  private final Shape target;

  /** Sums down to {@code target}. */
  public SumTo(Shape target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "sumTo";
  }

  @Override
  public String label() {
    return "sumTo" + target;
  }

  @Override
  public String rule() {
    return "broadcast(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    if (!target.broadcastsTo(in[0])) {
      throw new IllegalArgumentException(
          "sumTo: shape " + target + " does not broadcast to the input shape " + in[0]);
    }
    return target;
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.sumTo(in[0], target);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.broadcastTo(g, node.input(0).shape())};
  }
}
