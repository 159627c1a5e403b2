package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * MaximaF64 over a contiguous run, in SIMD and as scalar twins. The maximum is taken with {@link
 * Math#max} semantics (NaN wins, +0 above −0), which make it associative and commutative, so the
 * vector order and the sequential order give the same bits.
 */
final class MaximaF64 {
  private MaximaF64() {}

  /** {@code max x[off..off+n)}, −∞ when {@code n = 0}. */
  static double maxSimd(double[] x, int off, int n) {
    DoubleVector m0 = DoubleVector.broadcast(F64, Double.NEGATIVE_INFINITY);
    DoubleVector m1 = m0;
    int i = 0;
    for (int end = n - n % (2 * F64_LANES); i < end; i += 2 * F64_LANES) {
      m0 = m0.max(DoubleVector.fromArray(F64, x, off + i));
      m1 = m1.max(DoubleVector.fromArray(F64, x, off + i + F64_LANES));
    }
    for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
      m0 = m0.max(DoubleVector.fromArray(F64, x, off + i));
    }
    double m = m0.max(m1).reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) {
      m = Math.max(m, x[off + i]);
    }
    return m;
  }

  /** Scalar twin of {@link #maxSimd}. */
  static double maxScalar(double[] x, int off, int n) {
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, x[off + i]);
    }
    return m;
  }

  /** {@code max |x[off..off+n)|}, 0 when {@code n = 0}. */
  static double maxAbsSimd(double[] x, int off, int n) {
    DoubleVector m0 = DoubleVector.zero(F64);
    DoubleVector m1 = m0;
    int i = 0;
    for (int end = n - n % (2 * F64_LANES); i < end; i += 2 * F64_LANES) {
      m0 = m0.max(DoubleVector.fromArray(F64, x, off + i).abs());
      m1 = m1.max(DoubleVector.fromArray(F64, x, off + i + F64_LANES).abs());
    }
    for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
      m0 = m0.max(DoubleVector.fromArray(F64, x, off + i).abs());
    }
    double m = m0.max(m1).reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) {
      m = Math.max(m, Math.abs(x[off + i]));
    }
    return m;
  }

  /** Scalar twin of {@link #maxAbsSimd}. */
  static double maxAbsScalar(double[] x, int off, int n) {
    double m = 0;
    for (int i = 0; i < n; i++) {
      m = Math.max(m, Math.abs(x[off + i]));
    }
    return m;
  }
}
