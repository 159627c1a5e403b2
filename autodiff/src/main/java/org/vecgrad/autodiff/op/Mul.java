package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.BilinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code y = a ⊙ b} (elementwise, broadcasting). Bilinear. JVP: {@code ẏ = ȧ⊙b + a⊙ḃ}. VJP: {@code
 * ā = sumTo(ȳ⊙b)}, {@code b̄ = sumTo(ȳ⊙a)}.
 */
public final class Mul extends BroadcastBinary implements BilinearOp {
  /** The one instance. */
  public static final Mul INSTANCE = new Mul();

  private Mul() {
    super("mul", BinaryKernels.MUL, "ȳ·b, ȳ·a");
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var a = node.input(0);
    Var b = node.input(1);
    return new Var[] {
      wanted[0] ? Ops.sumTo(Ops.mul(g, b), a.shape()) : null,
      wanted[1] ? Ops.sumTo(Ops.mul(g, a), b.shape()) : null
    };
  }
}
