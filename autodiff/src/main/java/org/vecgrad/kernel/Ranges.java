package org.vecgrad.kernel;

/** Argument checks shared by the kernels, so bad offsets fail early with a readable message. */
final class Ranges {
  private Ranges() {}

  /**
   * Checks that {@code [off, off + n)} lies inside {@code a}.
   *
   * @throws IllegalArgumentException naming the kernel, the operand and the range, otherwise
   */
  static void check(String kernel, String operand, double[] a, int off, int n) {
    check(kernel, operand, a.length, off, n);
  }

  /** {@link #check(String, String, double[], int, int)} for a float array. */
  static void check(String kernel, String operand, float[] a, int off, int n) {
    check(kernel, operand, a.length, off, n);
  }

  private static void check(String kernel, String operand, int length, int off, int n) {
    if (n < 0 || off < 0 || off > length - n) {
      throw new IllegalArgumentException(
          kernel
              + ": "
              + operand
              + "[offset "
              + off
              + ", length "
              + n
              + "] does not fit an array of length "
              + length);
    }
  }
}
