package org.vecgrad.kernel;

import java.util.Arrays;

/**
 * Dense matrix multiplication {@code C = op(A) · op(B)} over row-major arrays, where {@code op(X)}
 * is X or its transpose. No transpose is ever materialised: the backward pass of a matmul needs
 * {@code Aᵀ·C̄} and {@code C̄·Bᵀ}, and gets them directly (transposes are absorbed while packing).
 *
 * <p>Three paths, chosen by shape alone (never by thread count):
 *
 * <ul>
 *   <li>scalar loops when SIMD is off ({@link Simd#enabled()});
 *   <li>a light SIMD path without packing for small products (below {@link #SMALL_FMAS}), and for
 *       products with fewer rows than the register tile (vector·matrix) or fewer columns than one
 *       vector (matrix·vector);
 *   <li>otherwise the packed, cache-blocked SIMD path of {@link GemmF64}, split across threads by
 *       rows or columns of C when the product is large enough.
 * </ul>
 *
 * <p>Both SIMD paths compute each element of C as the same chain of FMAs over k, so results are
 * bitwise identical whatever the thread count or the path: see {@link GemmF64} ("Determinism"). The
 * scalar path (plain multiply and add) rounds differently.
 */
public final class MatMul {
  private MatMul() {}

  /**
   * Products with fewer multiply-adds than this take the light path: below it, packing costs more
   * than it saves (measured crossover between 32³ and 48³).
   */
  static final long SMALL_FMAS = 64 * 1024;

  /**
   * {@code C[m×n] = op(A)·op(B)}, overwriting {@code c}. {@code a} holds A row-major as {@code
   * [m×k]}, or as {@code [k×m]} when {@code transA}; {@code b} holds B as {@code [k×n]}, or as
   * {@code [n×k]} when {@code transB}.
   */
  public static void gemm(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    checkArguments(m, n, k, a.length, b.length, c.length);
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, 0, m * n, 0.0);
      return;
    }
    if (!Simd.enabled()) {
      GemmF64.scalar(transA, transB, m, n, k, a, b, c);
      return;
    }
    long fmas = (long) m * n * k;
    if (fmas < SMALL_FMAS || m < GemmF64.MR || n < GemmF64.NR / 2) {
      GemmF64.small(transA, transB, m, n, k, a, b, c);
      return;
    }
    GemmF64.packed(transA, transB, m, n, k, a, b, c);
  }

  /** The scalar triple loop: the oracle of every optimised path. */
  public static void reference(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = transA ? a[p * m + i] : a[i * k + p];
          double y = transB ? b[j * k + p] : b[p * n + j];
          s += x * y;
        }
        c[i * n + j] = s;
      }
    }
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
