package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = broadcastTo(x, s)}: repeats x along broadcast axes (numpy rules). Linear. JVP: {@code
 * ẏ = broadcastTo(ẋ, s)}. VJP: {@code x̄ = sumTo(ȳ, shape x)}.
 */
public final class BroadcastTo implements LinearOp {
  private final Shape target;

  /** Broadcasts to {@code target}. */
  public BroadcastTo(Shape target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "broadcastTo";
  }

  @Override
  public String label() {
    return "broadcastTo" + target;
  }

  @Override
  public String rule() {
    return "sumTo(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    if (!in[0].broadcastsTo(target)) {
      throw new IllegalArgumentException(
          "broadcastTo: shape " + in[0] + " cannot be broadcast to " + target);
    }
    return target;
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.broadcastTo(in[0], target);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.sumTo(g, node.input(0).shape())};
  }
}
