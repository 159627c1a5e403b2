package org.vecgrad.kernel;

/**
 * Dense matrix multiplication {@code C = op(A) · op(B)} over row-major arrays, where {@code op(X)}
 * is X or its transpose. No transpose is ever materialised: the backward pass of a matmul needs
 * {@code Aᵀ·C̄} and {@code C̄·Bᵀ}, and gets them directly.
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
    reference(transA, transB, m, n, k, a, b, c);
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
}
