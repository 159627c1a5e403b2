package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code y = a / b} (elementwise, broadcasting). JVP: {@code ẏ = ȧ/b − y⊙ḃ/b}. VJP: {@code ā =
 * sumTo(ȳ/b)}, {@code b̄ = −sumTo(ȳ⊙y/b)}.
 */
public final class Div extends BroadcastBinary {
  /** The one instance. */
  public static final Div INSTANCE = new Div();

  private Div() {
    super("div", BinaryKernels.DIV, "ȳ/b, −ȳ·y/b");
  }

  @Override
  public Var jvp(Node node, Var[] t) {
    Var b = node.input(1);
    Var left = t[0] == null ? null : Ops.div(t[0], b);
    Var right = t[1] == null ? null : Ops.neg(Ops.div(Ops.mul(node.output(), t[1]), b));
    if (left == null) {
      return right;
    }
    return right == null ? left : Ops.add(left, right);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var a = node.input(0);
    Var b = node.input(1);
    Var gb = Ops.div(g, b);
    return new Var[] {
      wanted[0] ? Ops.sumTo(gb, a.shape()) : null,
      wanted[1] ? Ops.neg(Ops.sumTo(Ops.mul(gb, node.output()), b.shape())) : null
    };
  }
}
