package org.vecgrad.nn;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A random orthogonal matrix (Saxe et al. 2014): for {@code [m, n]} draw a Gaussian matrix {@code
 * A} with {@code max(m,n)} rows, factor {@code A = QR} (EJML), and fix the signs, {@code Q ←
 * Q·diag(sign(diag R))}, so that Q is distributed uniformly (Haar) rather than biased by the QR
 * convention. The result has orthonormal rows when {@code m ≤ n} ({@code WWᵀ = I}) and orthonormal
 * columns when {@code m ≥ n} ({@code WᵀW = I}), times {@code gain}.
 */
public final class Orthogonal implements Init {
  private final double gain;

  /** Orthogonal initialisation scaled by {@code gain}. */
  public Orthogonal(double gain) {
    if (!(gain > 0) || Double.isInfinite(gain)) {
      throw new IllegalArgumentException("Init.orthogonal: gain must be > 0, got " + gain);
    }
    this.gain = gain;
  }

  @Override
  public Tensor sample(Shape shape, DType dtype, SplittableRandom rng) {
    if (shape.rank() != 2 || shape.size() == 0) {
      throw new IllegalArgumentException(
          "Init.orthogonal: needs a non-empty matrix shape [m, n], got " + shape);
    }
    int m = shape.dim(0);
    int n = shape.dim(1);
    int rows = Math.max(m, n);
    int cols = Math.min(m, n);
    DMatrixRMaj a = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < rows * cols; i++) {
      a.data[i] = rng.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
    if (!qr.decompose(a)) {
      throw new IllegalStateException("Init.orthogonal: QR decomposition failed for " + shape);
    }
    DMatrixRMaj q = qr.getQ(null, true); // rows × cols, orthonormal columns
    DMatrixRMaj r = qr.getR(null, true);
    double[] out = new double[m * n];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double sign = r.get(j, j) < 0 ? -1 : 1;
        double v = gain * sign * q.get(i, j);
        // m ≥ n: W = Q (rows × cols). m < n: W = Qᵀ, so that the rows are orthonormal.
        if (m >= n) {
          out[i * n + j] = v;
        } else {
          out[j * n + i] = v;
        }
      }
    }
    return Tensor.wrap(shape, out, dtype);
  }
}
