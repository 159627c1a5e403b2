package org.vecgrad.autodiff.op;

import org.vecgrad.kernel.UnaryKernels;

/** {@code y = sign(x)} in {-1, 0, 1}. Derivative zero: JVP {@code ẏ = 0}, VJP {@code x̄ = 0}. */
public final class Sign extends PiecewiseConstant {
  /** The one instance. */
  public static final Sign INSTANCE = new Sign();

  private Sign() {
    super("sign", UnaryKernels.SIGN);
  }
}
