package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The commutation matrix {@code K_{m,n}}: {@code K_{m,n}·vec(X) = vec(Xᵀ)} for {@code X ∈ ℝ^{m×n}},
 * i.e. {@code out[i·n + j] = v[j·m + i]}. A permutation: {@code K_{m,n}ᵀ = K_{m,n}⁻¹ = K_{n,m}}.
 */
final class CommutationOperator implements LinearOperator {
  private final int m;
  private final int n;

  CommutationOperator(int m, int n) {
    if (m <= 0 || n <= 0) {
      throw new IllegalArgumentException(
          "Operators.commutation: dimensions " + m + "×" + n + " not positive");
    }
    this.m = m;
    this.n = n;
  }

  @Override
  public Shape domain() {
    return Shape.of(m * n);
  }

  @Override
  public Shape range() {
    return Shape.of(m * n);
  }

  @Override
  public Tensor apply(Tensor v) {
    return permute(OperatorArgs.domainArg(this, v).readF64(), m, n);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    return permute(OperatorArgs.rangeArg(this, u).readF64(), n, m);
  }

  /** {@code vec(X) ↦ vec(Xᵀ)} for X of {@code rows×cols}. */
  private static Tensor permute(double[] x, int rows, int cols) {
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = x[j * rows + i];
      }
    }
    return Tensor.wrap(Shape.of(rows * cols), out);
  }

  @Override
  public String describe() {
    return "K[" + m + "," + n + "]";
  }
}
