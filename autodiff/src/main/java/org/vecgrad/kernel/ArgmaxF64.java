package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_CLASS;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The index of the first maximum along the middle axis of {@code [outer, axis, inner]}; a NaN beats
 * every number (the first NaN wins), and an empty axis gives index 0.
 *
 * <p>The definition is the scalar scan {@link #scalar}: keep the best value so far and replace it
 * when a value is strictly greater, or is the first NaN. The SIMD path runs the same scan on {@link
 * Simd#lanes()} columns at once when the inner dimension is wide; over a contiguous axis ({@code
 * inner = 1}) it finds the maximum with vectors first and then the first index holding it, which
 * picks the same index (equal values compare equal, so −0 and +0 tie and the first one wins).
 */
final class ArgmaxF64 {
  private ArgmaxF64() {}

  static void simd(double[] x, int outer, int axis, int inner, int[] out) {
    if (inner == 1) {
      for (int o = 0; o < outer; o++) {
        out[o] = firstIndexOf(x, o * axis, axis, MaximaF64.maxSimd(x, o * axis, axis));
      }
      return;
    }
    double[] lanes = new double[F64_LANES];
    // lane indices are held in the element type: exact up to 2^24 even in float, else scalar
    int vectorEnd = axis <= 1 << 24 ? F64.loopBound(inner) : 0;
    for (int o = 0; o < outer; o++) {
      int xo = o * axis * inner;
      for (int i = 0; i < vectorEnd; i += F64_LANES) {
        DoubleVector best = DoubleVector.broadcast(F64, Double.NEGATIVE_INFINITY);
        DoubleVector index = DoubleVector.zero(F64);
        for (int a = 0; a < axis; a++) {
          DoubleVector v = DoubleVector.fromArray(F64, x, xo + a * inner + i);
          VectorMask<Double> nan = v.compare(VectorOperators.NE, v);
          VectorMask<Double> bestNan = best.compare(VectorOperators.NE, best);
          VectorMask<Double> take = v.compare(VectorOperators.GT, best).or(nan.andNot(bestNan));
          best = best.blend(v, take);
          index = index.blend((double) a, take);
        }
        // cast to the exact class: otherwise the store can miss its intrinsic (GemmF64.kernel12x2)
        ((DoubleVector) F64_CLASS.cast(index)).intoArray(lanes, 0);
        for (int l = 0; l < F64_LANES; l++) {
          out[o * inner + i + l] = (int) lanes[l];
        }
      }
      for (int i = vectorEnd; i < inner; i++) {
        out[o * inner + i] = column(x, xo + i, axis, inner);
      }
    }
  }

  /** Scalar twin of {@link #simd}: the definition, one column at a time. */
  static void scalar(double[] x, int outer, int axis, int inner, int[] out) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        out[o * inner + i] = column(x, o * axis * inner + i, axis, inner);
      }
    }
  }

  /** The scan over {@code x[start + a·stride]} for {@code a < axis}. */
  private static int column(double[] x, int start, int axis, int stride) {
    int best = 0;
    double bv = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < axis; a++) {
      double v = x[start + a * stride];
      if (v > bv || (Double.isNaN(v) && !Double.isNaN(bv))) {
        bv = v;
        best = a;
      }
    }
    return best;
  }

  /** The first index of a value equal to {@code m} (or the first NaN when m is NaN), else 0. */
  private static int firstIndexOf(double[] x, int off, int n, double m) {
    boolean nan = Double.isNaN(m);
    for (int i = 0; i < n; i++) {
      double v = x[off + i];
      if (nan ? Double.isNaN(v) : v == m) {
        return i;
      }
    }
    return 0;
  }
}
