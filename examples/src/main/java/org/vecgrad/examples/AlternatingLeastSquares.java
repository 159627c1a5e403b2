package org.vecgrad.examples;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Alternating least squares for {@code A ≈ C·Rᵀ} of rank k (lecture 001): find the best R with C
 * fixed, then the best C with R fixed. The error decreases monotonically towards the Eckart–Young
 * optimum {@code ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²)}.
 */
final class AlternatingLeastSquares {
  private AlternatingLeastSquares() {}

  /** The error ‖A − CRᵀ‖_F after each of {@code iters} sweeps, from a seeded start. */
  static double[] run(Tensor a, int rank, int iters, long seed) {
    DMatrixRMaj am = Linalg.toEjml(a);
    int m = am.numRows;
    int n = am.numCols;
    DMatrixRMaj c = Linalg.toEjml(Tensor.randn(Shape.of(m, rank), seed));
    DMatrixRMaj r = new DMatrixRMaj(n, rank);
    double[] errors = new double[iters];
    for (int it = 0; it < iters; it++) {
      // R = argmin ‖A − C Rᵀ‖  ⇔  (CᵀC) Rᵀ = Cᵀ A
      r = solveTransposed(c, am);
      // C = argmin ‖Aᵀ − R Cᵀ‖  ⇔  (RᵀR) Cᵀ = Rᵀ Aᵀ
      DMatrixRMaj at = new DMatrixRMaj(n, m);
      CommonOps_DDRM.transpose(am, at);
      c = solveTransposed(r, at);
      DMatrixRMaj approx = new DMatrixRMaj(m, n);
      CommonOps_DDRM.multTransB(c, r, approx);
      CommonOps_DDRM.subtractEquals(approx, am);
      errors[it] = CommonOps_DDRM.elementSumAbs(approx) == 0 ? 0 : normF(approx);
    }
    return errors;
  }

  /** The X (rows × k) minimising ‖B − F Xᵀ‖ for F of p × k and B of p × rows. */
  private static DMatrixRMaj solveTransposed(DMatrixRMaj f, DMatrixRMaj b) {
    DMatrixRMaj xt = new DMatrixRMaj(f.numCols, b.numCols);
    if (!CommonOps_DDRM.solve(f, b, xt)) { // least squares via QR
      throw new IllegalStateException("ALS: least-squares solve failed");
    }
    DMatrixRMaj x = new DMatrixRMaj(b.numCols, f.numCols);
    CommonOps_DDRM.transpose(xt, x);
    return x;
  }

  private static double normF(DMatrixRMaj m) {
    return org.ejml.dense.row.NormOps_DDRM.normF(m);
  }

  /** Eckart–Young: {@code √(Σ_{i>k} σᵢ²)}. */
  static double optimum(Tensor a, int rank) {
    double[] s = Linalg.singularValues(a);
    double tail = 0;
    for (int i = rank; i < s.length; i++) {
      tail += s[i] * s[i];
    }
    return Math.sqrt(tail);
  }
}
