package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code y = c·x} for a constant c. Linear. JVP: {@code ẏ = c·ẋ}. VJP: {@code x̄ = c·ȳ}. */
public final class Scale implements LinearOp {
  private final double c;

  /** c as an F64 scalar, made once: scalar chains apply scale often enough to notice. */
  private final Tensor cF64;

  /** Multiplies by {@code c}. */
  public Scale(double c) {
    this.c = c;
    this.cF64 = Tensor.scalar(c);
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
    Tensor factor = x.dtype() == DType.F64 ? cF64 : Tensor.scalar(c, x.dtype());
    return Compute.binary(BinaryKernels.MUL, x, factor, x.shape());
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.apply(this, g)}; // Ops.scale(g, c) without a new op
  }
}
