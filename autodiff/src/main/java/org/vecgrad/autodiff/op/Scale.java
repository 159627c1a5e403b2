package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code y = c·x} for a constant c. Linear. JVP: {@code ẏ = c·ẋ}. VJP: {@code x̄ = c·ȳ}. */
public final class Scale implements LinearOp {
  private final double c;

  /** Multiplies by {@code c}. */
  public Scale(double c) {
    this.c = c;
  }

  /** The factor. */
  public double factor() {
    return c;
  }

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public String label() {
    return "×" + org.vecgrad.tensor.TensorFormat.number(c);
  }

  @Override
  public String rule() {
    return "c·ȳ";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    return in[0];
  }

  @Override
  public Tensor forward(Tensor... in) {
    return unaryForward(in[0]);
  }

  @Override
  public Shape unaryShape(Shape x) {
    return x;
  }

  @Override
  public Tensor unaryForward(Tensor x) {
    // x·c through the multiply kernel's vector-scalar loop: no kernel object per factor
    return Compute.binary(BinaryKernels.MUL, x, Tensor.scalar(c, x.dtype()), x.shape());
  }

  @Override
  public Var unaryVjp(Node node, Var g) {
    return Ops.apply(this, g); // Ops.scale(g, c) without a new op
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {unaryVjp(node, g)};
  }
}
