package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.vecgrad.tensor.Tensor;

/**
 * Small assertions on operators used across these tests (the public AdjointTest lives elsewhere).
 */
final class OperatorAssert {
  private OperatorAssert() {}

  /** {@code |⟨u, Av⟩ − ⟨Aᵀu, v⟩|} relative to {@code ‖u‖‖Av‖ + ‖Aᵀu‖‖v‖}, for seeded u and v. */
  static double adjointResidual(LinearOperator a, long seed) {
    Tensor v = Tensor.randn(a.domain(), seed);
    Tensor u = Tensor.randn(a.range(), seed + 1);
    Tensor av = a.apply(v);
    Tensor atu = a.applyAdjoint(u);
    double lhs = Vectors.dot(u, av);
    double rhs = Vectors.dot(atu, v);
    double scale = u.norm() * av.norm() + atu.norm() * v.norm();
    return Math.abs(lhs - rhs) / Math.max(scale, Double.MIN_NORMAL);
  }

  static void assertAdjoint(LinearOperator a) {
    for (long seed = 11; seed < 14; seed++) {
      double r = adjointResidual(a, seed);
      assertTrue(r <= 1e-12, a.describe() + ": adjoint residual " + r + " (seed " + seed + ")");
    }
  }

  static void assertMatrixClose(Tensor expected, Tensor actual, double tol, String what) {
    assertEquals(expected.shape(), actual.shape(), what + ": shapes");
    double scale = Math.max(1, maxAbs(expected));
    double diff = expected.maxAbsDiff(actual);
    assertTrue(diff <= tol * scale, what + ": max |difference| " + diff + " > " + tol * scale);
  }

  static double maxAbs(Tensor t) {
    double m = 0;
    for (double x : t.readF64()) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  /** The transpose of a dense matrix. */
  static Tensor transpose(Tensor m) {
    int r = m.shape().dim(0);
    int c = m.shape().dim(1);
    double[] out = new double[r * c];
    double[] x = m.readF64();
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        out[j * r + i] = x[i * c + j];
      }
    }
    return Tensor.of(org.vecgrad.tensor.Shape.of(c, r), out);
  }

  /** {@code A·B} for dense matrices (naive, for references). */
  static Tensor matmul(Tensor a, Tensor b) {
    int m = a.shape().dim(0);
    int k = a.shape().dim(1);
    int n = b.shape().dim(1);
    assertEquals(k, b.shape().dim(0), "matmul reference: inner dimensions");
    double[] out = new double[m * n];
    double[] x = a.readF64();
    double[] y = b.readF64();
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        for (int j = 0; j < n; j++) {
          out[i * n + j] += x[i * k + p] * y[p * n + j];
        }
      }
    }
    return Tensor.of(org.vecgrad.tensor.Shape.of(m, n), out);
  }

  /** Max |M − Mᵀ| relative to max |M|. */
  static double asymmetry(Tensor m) {
    return m.maxAbsDiff(transpose(m)) / Math.max(Double.MIN_NORMAL, maxAbs(m));
  }
}
