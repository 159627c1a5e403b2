package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code y = −x}. Linear. JVP: {@code ẏ = −ẋ}. VJP: {@code x̄ = −ȳ}. */
public final class Neg implements LinearOp {
  /** The one instance. */
  public static final Neg INSTANCE = new Neg();

  private Neg() {}

  @Override
  public String name() {
    return "neg";
  }

  @Override
  public String rule() {
    return "−ȳ";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    return in[0];
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.unary(UnaryKernels.NEG, in[0]);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.neg(g)};
  }
}
