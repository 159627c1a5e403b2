package org.vecgrad.kernel;

/**
 * The elementwise unary kernels, each a pair of twins: {@code UnaryKernelsF64} written by hand and
 * {@code UnaryKernelsF32} generated from it (the IEEE-exact kernels), and likewise {@code
 * SmoothKernelsF64}/{@code F32} for the transcendental ones ({@link #EXP}, {@link #LOG}, {@link
 * #TANH}, {@link #SIGMOID}, {@link #SOFTPLUS}, {@link #pow}). The exact kernels agree bit for bit
 * with their scalar twins; the transcendental ones within a few ulps.
 */
public final class UnaryKernels {
  private UnaryKernels() {}

  /** {@code -x}. */
  public static final UnaryKernel NEG = new UnaryKernel(UnaryKernelsF64.NEG, UnaryKernelsF32.NEG);

  /** {@code |x|}. */
  public static final UnaryKernel ABS = new UnaryKernel(UnaryKernelsF64.ABS, UnaryKernelsF32.ABS);

  /**
   * {@code sign(x)} in {-1, 0, 1}; signed zeros and NaN map to themselves ({@link Math#signum}).
   */
  public static final UnaryKernel SIGN =
      new UnaryKernel(UnaryKernelsF64.SIGN, UnaryKernelsF32.SIGN);

  /** {@code x²}. */
  public static final UnaryKernel SQUARE =
      new UnaryKernel(UnaryKernelsF64.SQUARE, UnaryKernelsF32.SQUARE);

  /** {@code √x} (correctly rounded in both paths; NaN for x &lt; 0). */
  public static final UnaryKernel SQRT =
      new UnaryKernel(UnaryKernelsF64.SQRT, UnaryKernelsF32.SQRT);

  /** {@code eˣ}. */
  public static final UnaryKernel EXP = new UnaryKernel(SmoothKernelsF64.EXP, SmoothKernelsF32.EXP);

  /** {@code ln x}. */
  public static final UnaryKernel LOG = new UnaryKernel(SmoothKernelsF64.LOG, SmoothKernelsF32.LOG);

  /** {@code tanh x}. */
  public static final UnaryKernel TANH =
      new UnaryKernel(SmoothKernelsF64.TANH, SmoothKernelsF32.TANH);

  /**
   * {@code σ(x) = 1/(1+e⁻ˣ)}, evaluated with {@code e = e^{-|x|}} as {@code 1/(1+e)} for x ≥ 0 and
   * {@code e/(1+e)} for x &lt; 0, so that it never overflows and keeps full relative precision in
   * both tails.
   */
  public static final UnaryKernel SIGMOID =
      new UnaryKernel(SmoothKernelsF64.SIGMOID, SmoothKernelsF32.SIGMOID);

  /**
   * {@code max(x, 0)}, with NaN passed through (a NaN input is a bug upstream; zeroing it would
   * hide it). {@code -0.0} maps to {@code +0.0}.
   */
  public static final UnaryKernel RELU =
      new UnaryKernel(UnaryKernelsF64.RELU, UnaryKernelsF32.RELU);

  /** The Heaviside step {@code 1 if x > 0 else 0}: ReLU's derivative mask (0 for NaN). */
  public static final UnaryKernel STEP =
      new UnaryKernel(UnaryKernelsF64.STEP, UnaryKernelsF32.STEP);

  /**
   * {@code softplus(x) = ln(1+eˣ)}, as {@code max(x,0) + ln(1+e^{-|x|})} to stay finite for large
   * |x|.
   */
  public static final UnaryKernel SOFTPLUS =
      new UnaryKernel(SmoothKernelsF64.SOFTPLUS, SmoothKernelsF32.SOFTPLUS);

  /** {@code c·x} for a constant c (rounded to float for the F32 twin: an explicit cast). */
  public static UnaryKernel scale(double c) {
    return new UnaryKernel(UnaryKernelsF64.scale(c), UnaryKernelsF32.scale((float) c));
  }

  /**
   * {@code xᵖ} for a constant exponent p, with {@link Math#pow}'s special cases (a negative x gives
   * a real result only for integer p). {@code p = 2} is {@link #SQUARE} and {@code p = 1} the
   * identity, both exact. The F32 twin raises to {@code (float) p}.
   */
  public static UnaryKernel pow(double p) {
    if (p == 2) {
      return SQUARE;
    }
    return new UnaryKernel(UnaryKernelsF64.pow(p), UnaryKernelsF32.pow((float) p));
  }
}
