package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = a / b} (elementwise, broadcasting). JVP: {@code ẏ = ȧ/b − y⊙ḃ/b}. VJP: {@code ā =
 * sumTo(ȳ/b)}, {@code b̄ = −sumTo(ȳ⊙y/b)}.
 */
public final class Div implements Op {
  /** The one instance. */
  public static final Div INSTANCE = new Div();

  private Div() {}

  @Override
  public String name() {
    return "div";
  }

  @Override
  public String rule() {
    return "ȳ/b, −ȳ·y/b";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 2);
    return Shape.broadcast(name(), in[0], in[1]);
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.binary(BinaryKernels.DIV, in[0], in[1], shape(in[0].shape(), in[1].shape()));
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
