package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code z = g ⊙ (1 − y²)}: tanh's backward from the adjoint {@code g} and tanh's output {@code y}.
 * JVP: {@code ż = ġ ⊙ (1 − y²) − 2 y ⊙ g ⊙ ẏ}. VJP: {@code ḡ = z̄ ⊙ (1 − y²)} (this op again),
 * {@code ȳ = −2 y ⊙ g ⊙ z̄}; the second-order terms that exact Hessian-vector products need.
 */
public final class TanhBackward extends ActivationBackward {
  /** The one instance. */
  public static final TanhBackward INSTANCE = new TanhBackward();

  private TanhBackward() {
    super("tanhBackward", BinaryKernels.TANH_BACKWARD, "z̄·(1−y²), −2y·g·z̄");
  }

  /** {@code ∂z/∂y = −2 y ⊙ g}. */
  @Override
  Var slope(Var g, Var y) {
    return Ops.scale(Ops.mul(y, g), -2);
  }
}
