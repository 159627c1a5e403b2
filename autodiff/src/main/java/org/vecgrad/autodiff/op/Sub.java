package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code y = a − b} with broadcasting. Linear. JVP: {@code ẏ = ȧ − ḃ}. VJP: {@code ā = sumTo(ȳ)},
 * {@code b̄ = −sumTo(ȳ)}.
 */
public final class Sub extends BroadcastBinary implements LinearOp {
  /** The one instance. */
  public static final Sub INSTANCE = new Sub();

  private Sub() {
    super("sub", BinaryKernels.SUB, "±ȳ");
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {
      wanted[0] ? Ops.sumTo(g, node.input(0).shape()) : null,
      wanted[1] ? Ops.neg(Ops.sumTo(g, node.input(1).shape())) : null
    };
  }
}
