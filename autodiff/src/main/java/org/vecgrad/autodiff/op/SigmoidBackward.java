package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code z = g ⊙ y(1 − y)}: the logistic sigmoid's backward from the adjoint {@code g} and the
 * sigmoid's output {@code y}. JVP: {@code ż = ġ ⊙ y(1 − y) + g ⊙ (1 − 2y) ⊙ ẏ}. VJP: {@code ḡ = z̄
 * ⊙ y(1 − y)} (this op again), {@code ȳ = g ⊙ (1 − 2y) ⊙ z̄}.
 */
public final class SigmoidBackward extends ActivationBackward {
  /** The one instance. */
  public static final SigmoidBackward INSTANCE = new SigmoidBackward();

  private SigmoidBackward() {
    super("sigmoidBackward", BinaryKernels.SIGMOID_BACKWARD, "z̄·y(1−y), g·(1−2y)·z̄");
  }

  /** {@code ∂z/∂y = g ⊙ (1 − 2y)}. */
  @Override
  Var slope(Var g, Var y) {
    return Ops.mul(g, Ops.add(Ops.scale(y, -2), 1));
  }
}
