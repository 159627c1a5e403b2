package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.ElementwiseOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.kernel.UnaryKernels;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = xᵖ} for a constant exponent p (x &gt; 0 unless p is an integer). JVP: {@code ẏ =
 * p·xᵖ⁻¹⊙ẋ}. VJP: {@code x̄ = p·xᵖ⁻¹⊙ȳ}.
 */
public final class Pow implements ElementwiseOp {
  private final double p;
  private final UnaryKernel kernel;

  /** The power {@code p}. */
  public Pow(double p) {
    if (!Double.isFinite(p)) {
      throw new IllegalArgumentException("pow: exponent must be finite, got " + p);
    }
    this.p = p;
    this.kernel = UnaryKernels.pow(p);
  }

  /** The exponent. */
  public double exponent() {
    return p;
  }

  @Override
  public String name() {
    return "pow";
  }

  @Override
  public String label() {
    return "pow(" + org.vecgrad.tensor.TensorFormat.number(p) + ")";
  }

  @Override
  public String rule() {
    return "ȳ·p·x^(p−1)";
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.unary(kernel, in[0]);
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    if (p == 1) {
      return Ops.onesLike(x);
    }
    return Ops.scale(Ops.pow(x, p - 1), p);
  }
}
