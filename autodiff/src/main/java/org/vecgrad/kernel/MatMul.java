package org.vecgrad.kernel;

/**
 * Dense matrix multiplication {@code C = op(A) · op(B)} over row-major arrays, where {@code op(X)}
 * is X or its transpose, in F64 and F32. No transpose is ever materialised: the backward pass of a
 * matmul needs {@code Aᵀ·C̄} and {@code C̄·Bᵀ}, and gets them directly (transposes are absorbed
 * while packing).
 *
 * <p>This facade checks the arguments and hands over to {@link MatMulF64} or its generated twin
 * {@code MatMulF32}, which choose between the scalar, light and packed paths of {@link GemmF64} (or
 * {@code GemmF32}) by shape alone. Every SIMD path computes each element of C as one chain of FMAs
 * over k in order, so results are bitwise identical whatever the thread count or the path.
 */
public final class MatMul {
  private MatMul() {}

  /**
   * {@code C[m×n] = op(A)·op(B)}, overwriting {@code c}. {@code a} holds A row-major as {@code
   * [m×k]}, or as {@code [k×m]} when {@code transA}; {@code b} holds B as {@code [k×n]}, or as
   * {@code [n×k]} when {@code transB}.
   */
  public static void gemm(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    checkArguments(m, n, k, a.length, b.length, c.length);
    MatMulF64.gemm(transA, transB, m, n, k, a, b, c);
  }

  /**
   * The F32 twin of {@link #gemm(boolean, boolean, int, int, int, double[], double[], double[])}.
   */
  public static void gemm(
      boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
    checkArguments(m, n, k, a.length, b.length, c.length);
    MatMulF32.gemm(transA, transB, m, n, k, a, b, c);
  }

  /** The scalar triple loop (plain multiply and add): the oracle of every optimised path. */
  public static void reference(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    checkArguments(m, n, k, a.length, b.length, c.length);
    MatMulF64.reference(transA, transB, m, n, k, a, b, c);
  }

  /** The F32 oracle: the scalar triple loop, accumulating in float. */
  public static void reference(
      boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
    checkArguments(m, n, k, a.length, b.length, c.length);
    MatMulF32.reference(transA, transB, m, n, k, a, b, c);
  }

  private static void checkArguments(int m, int n, int k, int aLength, int bLength, int cLength) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(
          "MatMul.gemm: negative dimension m=" + m + ", n=" + n + ", k=" + k);
    }
    if ((long) m * k > aLength || (long) k * n > bLength || (long) m * n > cLength) {
      throw new IllegalArgumentException(
          String.format(
              "MatMul.gemm: arrays too short for m=%d, n=%d, k=%d: a has %d (needs %d), b has %d"
                  + " (needs %d), c has %d (needs %d)",
              m, n, k, aLength, (long) m * k, bLength, (long) k * n, cLength, (long) m * n));
    }
  }
}
