package org.vecgrad.autodiff.op;

import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code y = [x > 0]}, the Heaviside step and ReLU's derivative. Derivative zero: JVP {@code ẏ =
 * 0}, VJP {@code x̄ = 0}.
 */
public final class Step extends PiecewiseConstant {
  /** The one instance. */
  public static final Step INSTANCE = new Step();

  private Step() {
    super("step", UnaryKernels.STEP);
  }
}
