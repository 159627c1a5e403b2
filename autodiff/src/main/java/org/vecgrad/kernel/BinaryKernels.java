package org.vecgrad.kernel;

/**
 * The elementwise binary kernels, each a pair of twins: {@code BinaryKernelsF64} written by hand
 * and {@code BinaryKernelsF32} generated from it. All are IEEE-exact, so SIMD and scalar twins
 * agree bit for bit in each dtype.
 */
public final class BinaryKernels {
  private BinaryKernels() {}

  /** {@code x + y}. */
  public static final BinaryKernel ADD =
      new BinaryKernel(BinaryKernelsF64.ADD, BinaryKernelsF32.ADD);

  /** {@code x - y}. */
  public static final BinaryKernel SUB =
      new BinaryKernel(BinaryKernelsF64.SUB, BinaryKernelsF32.SUB);

  /** {@code x · y}. */
  public static final BinaryKernel MUL =
      new BinaryKernel(BinaryKernelsF64.MUL, BinaryKernelsF32.MUL);

  /** {@code x / y}. */
  public static final BinaryKernel DIV =
      new BinaryKernel(BinaryKernelsF64.DIV, BinaryKernelsF32.DIV);

  /** {@code max(x, y)} as {@link Math#max}: NaN if either is NaN, and +0 above −0. */
  public static final BinaryKernel MAX =
      new BinaryKernel(BinaryKernelsF64.MAX, BinaryKernelsF32.MAX);

  /** {@code min(x, y)} as {@link Math#min}: NaN if either is NaN, and −0 below +0. */
  public static final BinaryKernel MIN =
      new BinaryKernel(BinaryKernelsF64.MIN, BinaryKernelsF32.MIN);

  /** {@code 1 if x == y else 0}: marks the position of a maximum (0 where either is NaN). */
  public static final BinaryKernel EQUAL =
      new BinaryKernel(BinaryKernelsF64.EQUAL, BinaryKernelsF32.EQUAL);

  /** {@code g·[x > 0]}: ReLU's backward from the adjoint {@code g} and the input {@code x}. */
  public static final BinaryKernel RELU_BACKWARD =
      new BinaryKernel(BinaryKernelsF64.RELU_BACKWARD, BinaryKernelsF32.RELU_BACKWARD);

  /** {@code g·(1 − y²)}: tanh's backward from the adjoint {@code g} and the output {@code y}. */
  public static final BinaryKernel TANH_BACKWARD =
      new BinaryKernel(BinaryKernelsF64.TANH_BACKWARD, BinaryKernelsF32.TANH_BACKWARD);

  /**
   * {@code g·y(1 − y)}: the sigmoid's backward from the adjoint {@code g} and the output {@code y}.
   */
  public static final BinaryKernel SIGMOID_BACKWARD =
      new BinaryKernel(BinaryKernelsF64.SIGMOID_BACKWARD, BinaryKernelsF32.SIGMOID_BACKWARD);
}
