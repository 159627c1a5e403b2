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
    if (n < 0 || off < 0 || off > a.length - n) {
      throw new IllegalArgumentException(
          kernel
              + ": "
              + operand
              + "[offset "
              + off
              + ", length "
              + n
              + "] does not fit an array of length "
              + a.length);
    }
  }
}
