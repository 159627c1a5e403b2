package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code z = g ⊙ [x > 0]}: ReLU's backward from the adjoint {@code g} and ReLU's input {@code x}.
 * Linear in {@code g}; the mask is piecewise constant in {@code x}, so {@code x} gets no derivative
 * (zero almost everywhere). JVP: {@code ż = ġ ⊙ [x > 0]}. VJP: {@code ḡ = z̄ ⊙ [x > 0]}, {@code x̄
 * = 0}.
 */
public final class ReluBackward extends ActivationBackward {
  /** The one instance. */
  public static final ReluBackward INSTANCE = new ReluBackward();

  private ReluBackward() {
    super("reluBackward", BinaryKernels.RELU_BACKWARD, "z̄·[x>0], 0");
  }

  /** The mask is piecewise constant in {@code x}: no derivative (zero almost everywhere). */
  @Override
  Var slope(Var g, Var x) {
    return null;
  }
}
