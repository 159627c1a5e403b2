package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.BilinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = a ⊙ b} (elementwise, broadcasting). Bilinear. JVP: {@code ẏ = ȧ⊙b + a⊙ḃ}. VJP: {@code
 * ā = sumTo(ȳ⊙b)}, {@code b̄ = sumTo(ȳ⊙a)}.
 */
public final class Mul implements BilinearOp {
  /** The one instance. */
  public static final Mul INSTANCE = new Mul();

  private Mul() {}

  @Override
  public String name() {
    return "mul";
  }

  @Override
  public String rule() {
    return "ȳ·b, ȳ·a";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 2);
    return Shape.broadcast(name(), in[0], in[1]);
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.binary(BinaryKernels.MUL, in[0], in[1], shape(in[0].shape(), in[1].shape()));
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
