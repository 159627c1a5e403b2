package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Forms the matrix of an operator column by column: column j is {@code A·eⱼ}. */
final class DenseColumns {
  private DenseColumns() {}

  static Tensor of(LinearOperator a, long maxEntries) {
    int n = a.domain().size();
    int m = a.range().size();
    long entries = (long) m * n;
    if (entries > maxEntries) {
      throw new IllegalArgumentException(
          "toDense: "
              + a.describe()
              + " would be a "
              + m
              + "×"
              + n
              + " matrix ("
              + entries
              + " entries), above the limit of "
              + maxEntries
              + "; use apply/applyAdjoint, or toDense(limit) deliberately");
    }
    double[] out = new double[(int) entries];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1;
      double[] col = a.apply(Tensor.of(a.domain(), e)).readF64();
      e[j] = 0;
      for (int i = 0; i < m; i++) {
        out[i * n + j] = col[i];
      }
    }
    return Tensor.wrap(Shape.of(m, n), out);
  }
}
