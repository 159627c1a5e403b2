package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;

/**
 * Sums and dot products over one block of at most {@link ReduceF64#BLOCK} elements, in SIMD and as
 * scalar twins that add in exactly the same order, so the two agree bit for bit.
 *
 * <p>The order, for lanes L: four vector accumulators take elements {@code [i, i+4L)} in turn
 * (accumulator k, lane l holds the running sum of elements {@code i + kL + l}); leftover whole
 * vectors go to accumulator 0; the accumulators are combined as {@code (a0 + a1) + (a2 + a3)}, the
 * lanes added from lane 0 upwards starting at 0, and the last {@code n mod L} elements are added
 * one by one. Four independent accumulators hide the latency of the floating-point adder.
 */
final class BlockSumsF64 {
  private static final int ACCUMULATORS = 4;
  private static final int STEP = ACCUMULATORS * F64_LANES;

  private BlockSumsF64() {}

  /** {@code Σ x[off..off+n)} in the block order above. */
  static double sumSimd(double[] x, int off, int n) {
    DoubleVector a0 = DoubleVector.zero(F64);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    int i = 0;
    for (int end = n - n % STEP; i < end; i += STEP) {
      a0 = a0.add(DoubleVector.fromArray(F64, x, off + i));
      a1 = a1.add(DoubleVector.fromArray(F64, x, off + i + F64_LANES));
      a2 = a2.add(DoubleVector.fromArray(F64, x, off + i + 2 * F64_LANES));
      a3 = a3.add(DoubleVector.fromArray(F64, x, off + i + 3 * F64_LANES));
    }
    for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
      a0 = a0.add(DoubleVector.fromArray(F64, x, off + i));
    }
    double s = laneSum(a0.add(a1).add(a2.add(a3)));
    for (; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  /** Scalar twin of {@link #sumSimd}: the same additions in the same order. */
  static double sumScalar(double[] x, int off, int n) {
    double[] acc = new double[STEP];
    int i = 0;
    for (int end = n - n % STEP; i < end; i += STEP) {
      for (int j = 0; j < STEP; j++) {
        acc[j] += x[off + i + j];
      }
    }
    for (int end = n - n % F64_LANES; i < end; i += F64_LANES) {
      for (int l = 0; l < F64_LANES; l++) {
        acc[l] += x[off + i + l];
      }
    }
    double s = laneOrdered(acc);
    for (; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  /** {@code Σ a[ao+i]·b[bo+i]} in the block order above, each step one fused multiply-add. */
  static double dotSimd(double[] a, int ao, double[] b, int bo, int n) {
    DoubleVector a0 = DoubleVector.zero(F64);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    int i = 0;
    for (int end = n - n % STEP; i < end; i += STEP) {
      a0 = fma(a, ao + i, b, bo + i, a0);
      a1 = fma(a, ao + i + F64_LANES, b, bo + i + F64_LANES, a1);
      a2 = fma(a, ao + i + 2 * F64_LANES, b, bo + i + 2 * F64_LANES, a2);
      a3 = fma(a, ao + i + 3 * F64_LANES, b, bo + i + 3 * F64_LANES, a3);
    }
    for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
      a0 = fma(a, ao + i, b, bo + i, a0);
    }
    double s = laneSum(a0.add(a1).add(a2.add(a3)));
    for (; i < n; i++) {
      s = Math.fma(a[ao + i], b[bo + i], s);
    }
    return s;
  }

  /** Scalar twin of {@link #dotSimd}. */
  static double dotScalar(double[] a, int ao, double[] b, int bo, int n) {
    double[] acc = new double[STEP];
    int i = 0;
    for (int end = n - n % STEP; i < end; i += STEP) {
      for (int j = 0; j < STEP; j++) {
        acc[j] = Math.fma(a[ao + i + j], b[bo + i + j], acc[j]);
      }
    }
    for (int end = n - n % F64_LANES; i < end; i += F64_LANES) {
      for (int l = 0; l < F64_LANES; l++) {
        acc[l] = Math.fma(a[ao + i + l], b[bo + i + l], acc[l]);
      }
    }
    double s = laneOrdered(acc);
    for (; i < n; i++) {
      s = Math.fma(a[ao + i], b[bo + i], s);
    }
    return s;
  }

  /**
   * The lanes of {@code v} added in order from lane 0, starting at 0. Not {@code reduceLanes(ADD)}:
   * its order is unspecified, and HotSpot's C2 on JDK 25 reassociates it, so a sum would change
   * between interpreted and compiled runs.
   */
  private static double laneSum(DoubleVector v) {
    double s = 0;
    for (int l = 0; l < F64_LANES; l++) {
      s += v.lane(l);
    }
    return s;
  }

  private static DoubleVector fma(double[] a, int ai, double[] b, int bi, DoubleVector acc) {
    return DoubleVector.fromArray(F64, a, ai).fma(DoubleVector.fromArray(F64, b, bi), acc);
  }

  /** {@code ((a0 + a1) + (a2 + a3))} per lane, then the lanes in order from 0. */
  private static double laneOrdered(double[] acc) {
    double s = 0;
    for (int l = 0; l < F64_LANES; l++) {
      s += (acc[l] + acc[F64_LANES + l]) + (acc[2 * F64_LANES + l] + acc[3 * F64_LANES + l]);
    }
    return s;
  }
}
