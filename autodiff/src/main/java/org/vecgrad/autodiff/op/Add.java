package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code y = a + b} with broadcasting. Linear. JVP: {@code ẏ = ȧ + ḃ}. VJP: {@code ā = sumTo(ȳ,
 * shape a)}, {@code b̄ = sumTo(ȳ, shape b)} (summing over the broadcast axes).
 */
public final class Add extends BroadcastBinary implements LinearOp {
  /** The one instance. */
  public static final Add INSTANCE = new Add();

  private Add() {
    super("add", BinaryKernels.ADD, "ȳ");
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {
      wanted[0] ? Ops.sumTo(g, node.input(0).shape()) : null,
      wanted[1] ? Ops.sumTo(g, node.input(1).shape()) : null
    };
  }
}
