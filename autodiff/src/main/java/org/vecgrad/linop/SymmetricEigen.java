package org.vecgrad.linop;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.vecgrad.tensor.Tensor;

/**
 * The eigendecomposition {@code S = Q Λ Qᵀ} of a small dense symmetric matrix, by EJML's symmetric
 * QR algorithm: eigenvalues in descending order, with unit eigenvectors. Used for Lanczos'
 * tridiagonal matrix and, in tests and reports, as the dense reference for the operators.
 *
 * @param values eigenvalues, largest first
 * @param vectors {@code vectors[k]} is the unit eigenvector of {@code values[k]}
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

  /**
   * Decomposes a symmetric matrix given as a square tensor (its upper and lower triangles must
   * agree; the symmetric solver reads both).
   *
   * @throws IllegalArgumentException if the tensor is not square
   */
  public static SymmetricEigen of(Tensor symmetric) {
    OperatorArgs.matrix("SymmetricEigen.of", "S", symmetric);
    int n = symmetric.shape().dim(0);
    if (symmetric.shape().dim(1) != n) {
      throw new IllegalArgumentException(
          "SymmetricEigen.of: matrix " + symmetric.shape() + " is not square");
    }
    return of(n, symmetric.readF64());
  }

  /** Decomposes the symmetric {@code n×n} matrix held row-major in {@code a} (not modified). */
  static SymmetricEigen of(int n, double[] a) {
    DMatrixRMaj m = new DMatrixRMaj(n, n, true, a);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(m)) {
      throw new IllegalStateException("SymmetricEigen: EJML's symmetric QR did not converge");
    }
    Integer[] order = new Integer[n];
    double[] raw = new double[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
      raw[k] = eig.getEigenvalue(k).real;
    }
    Arrays.sort(order, (i, j) -> Double.compare(raw[j], raw[i]));
    double[] values = new double[n];
    double[][] vectors = new double[n][];
    for (int k = 0; k < n; k++) {
      values[k] = raw[order[k]];
      vectors[k] = eig.getEigenVector(order[k]).getData().clone();
    }
    return new SymmetricEigen(values, vectors);
  }

  /** The k largest eigenvalues (fewer if the matrix is smaller). */
  public double[] top(int k) {
    return Arrays.copyOf(values, Math.min(k, values.length));
  }

  /** {@code tr S = Σ λ}. */
  public double trace() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
