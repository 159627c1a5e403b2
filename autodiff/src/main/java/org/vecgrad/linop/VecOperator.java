package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code vec}: {@code X [m, n] ↦ x [m·n]} with {@code x[j·m + i] = X[i, j]} (columns stacked). A
 * permutation, so its adjoint is its inverse, {@code mat}.
 */
final class VecOperator implements LinearOperator {
  private final int m;
  private final int n;

  VecOperator(int m, int n) {
    if (m <= 0 || n <= 0) {
      throw new IllegalArgumentException(
          "Operators.vec: dimensions " + m + "×" + n + " not positive");
    }
    this.m = m;
    this.n = n;
  }

  @Override
  public Shape domain() {
    return Shape.of(m, n);
  }

  @Override
  public Shape range() {
    return Shape.of(m * n);
  }

  @Override
  public Tensor apply(Tensor v) {
    double[] x = OperatorArgs.domainArg(this, v).readF64();
    double[] out = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        out[j * m + i] = x[i * n + j];
      }
    }
    return Tensor.wrap(range(), out);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    double[] x = OperatorArgs.rangeArg(this, u).readF64();
    double[] out = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        out[i * n + j] = x[j * m + i];
      }
    }
    return Tensor.wrap(domain(), out);
  }

  @Override
  public String describe() {
    return "vec[" + m + "×" + n + "]";
  }
}
