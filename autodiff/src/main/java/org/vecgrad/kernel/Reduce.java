package org.vecgrad.kernel;

/**
 * Reductions in both dtypes: sums, means, maxima, dot products and norms over contiguous data or
 * one axis. Each method has a {@code double[]} and a {@code float[]} overload, delegating to {@code
 * ReduceF64} or its generated twin {@code ReduceF32}; a float reduction accumulates in float (as
 * PyTorch does on the CPU), in the same fixed block order as the double one.
 *
 * <p>Sums are taken in fixed blocks of {@link #BLOCK} elements, each summed with vector
 * accumulators in a fixed lane order, and the block sums are then added in order. The split depends
 * only on n, never on the thread count: large sums compute their blocks in parallel and still give
 * the same bits, and the scalar twins add in the same order as the SIMD loops, so {@code
 * -Dvecgrad.simd=false} gives the same bits too. The order differs from the naive left-to-right
 * sum: each element passes through about {@code BLOCK/(4L) + L + n/BLOCK} roundings instead of up
 * to n (L lanes), so the error bound is much smaller for long sums; but the order, and so the last
 * bits, depend on the number of lanes of the machine.
 *
 * <p>Maxima use {@link Math#max} semantics: NaN propagates, +0 is above −0, and the maximum of
 * nothing is −∞.
 */
public final class Reduce {
  /** Elements summed per block before partial sums are combined. */
  public static final int BLOCK = ReduceF64.BLOCK;

  private Reduce() {}

  /** {@code Σ x[off..off+n)}; 0 when {@code n = 0}. */
  public static double sum(double[] x, int off, int n) {
    return ReduceF64.sum(x, off, n);
  }

  /** {@code Σ x[off..off+n)} accumulated in float; 0 when {@code n = 0}. */
  public static float sum(float[] x, int off, int n) {
    return ReduceF32.sum(x, off, n);
  }

  /** {@code Σ x}. */
  public static double sum(double[] x) {
    return ReduceF64.sum(x);
  }

  /** {@code Σ x} accumulated in float. */
  public static float sum(float[] x) {
    return ReduceF32.sum(x);
  }

  /** {@code (Σ x[off..off+n)) / n}; NaN when {@code n = 0}. */
  public static double mean(double[] x, int off, int n) {
    return ReduceF64.mean(x, off, n);
  }

  /** {@code (Σ x[off..off+n)) / n} in float; NaN when {@code n = 0}. */
  public static float mean(float[] x, int off, int n) {
    return ReduceF32.mean(x, off, n);
  }

  /** {@code Σ a[i]·b[i]} over the first {@code n} elements. */
  public static double dot(double[] a, double[] b, int n) {
    return ReduceF64.dot(a, b, n);
  }

  /** {@code Σ a[i]·b[i]} over the first {@code n} elements, in float. */
  public static float dot(float[] a, float[] b, int n) {
    return ReduceF32.dot(a, b, n);
  }

  /** {@code Σ a[ao+i]·b[bo+i]} for {@code i < n}, with fused multiply-adds, in fixed blocks. */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    return ReduceF64.dot(a, ao, b, bo, n);
  }

  /** {@code Σ a[ao+i]·b[bo+i]} for {@code i < n} in float, with fused multiply-adds. */
  public static float dot(float[] a, int ao, float[] b, int bo, int n) {
    return ReduceF32.dot(a, ao, b, bo, n);
  }

  /** {@code Σ x[i]²} over {@code x[off..off+n)}. */
  public static double sumOfSquares(double[] x, int off, int n) {
    return ReduceF64.sumOfSquares(x, off, n);
  }

  /**
   * The Euclidean norm {@code √(Σ x[i]²)} over {@code x[off..off+n)}, without spurious overflow or
   * underflow: when the plain sum of squares overflows, or is so small that squares may have
   * underflowed, the values are rescaled by a power of two near their largest magnitude (exact) and
   * summed again. NaN if any value is NaN (even next to an infinity), else ∞ if any is infinite.
   * (F64 only: the thresholds are those of the double range.)
   */
  public static double norm2(double[] x, int off, int n) {
    double ss = sumOfSquares(x, off, n);
    if (ss >= 0x1p-900 && ss < Double.POSITIVE_INFINITY) {
      return Math.sqrt(ss);
    }
    if (Double.isNaN(ss)) {
      return ss;
    }
    double m = maxAbs(x, off, n);
    if (m == 0 || Double.isInfinite(m) || Double.isNaN(m)) {
      return m;
    }
    // Rare path (extreme magnitudes): scalar, so it is the same with SIMD on or off.
    double scale = Math.scalb(1.0, -Math.getExponent(m));
    double s = 0;
    for (int i = 0; i < n; i++) {
      double v = x[off + i] * scale;
      s = Math.fma(v, v, s);
    }
    return Math.sqrt(s) / scale;
  }

  /** {@code ‖x‖₂} over the whole array. */
  public static double norm2(double[] x) {
    return norm2(x, 0, x.length);
  }

  /** {@code max x[off..off+n)}; −∞ when {@code n = 0}, NaN if any value is NaN. */
  public static double max(double[] x, int off, int n) {
    return ReduceF64.max(x, off, n);
  }

  /** {@code max x[off..off+n)} over floats; −∞ when {@code n = 0}, NaN if any value is NaN. */
  public static float max(float[] x, int off, int n) {
    return ReduceF32.max(x, off, n);
  }

  /** {@code max x} over the whole array. */
  public static double max(double[] x) {
    return ReduceF64.max(x);
  }

  /** {@code max x} over the whole float array. */
  public static float max(float[] x) {
    return ReduceF32.max(x);
  }

  /** {@code max |x[off..off+n)|} (the ∞-norm); 0 when {@code n = 0}, NaN if any value is NaN. */
  public static double maxAbs(double[] x, int off, int n) {
    return ReduceF64.maxAbs(x, off, n);
  }

  /** {@code max |x[off..off+n)|} over floats; 0 when {@code n = 0}, NaN if any value is NaN. */
  public static float maxAbs(float[] x, int off, int n) {
    return ReduceF32.maxAbs(x, off, n);
  }

  /**
   * Sums the middle axis of data viewed as {@code [outer, axis, inner]}: {@code out[o, i] = Σ_a
   * x[o, a, i]}. With {@code inner > 1} the rows {@code x[o, a, ·]} are added into {@code out[o,
   * ·]} one after the other (SIMD along the contiguous inner dimension, the same order per element
   * as the scalar loop); with {@code inner = 1} each run {@code x[o, ·]} is a {@link #sum}.
   */
  public static void sumAxis(double[] x, int outer, int axis, int inner, double[] out) {
    ReduceF64.sumAxis(x, outer, axis, inner, out);
  }

  /** {@link #sumAxis(double[], int, int, int, double[])} over floats, summed in float. */
  public static void sumAxis(float[] x, int outer, int axis, int inner, float[] out) {
    ReduceF32.sumAxis(x, outer, axis, inner, out);
  }

  /**
   * Maximum over the middle axis of {@code [outer, axis, inner]}; −∞ for an empty axis, NaN where a
   * NaN occurs. SIMD along the inner dimension, or along the axis when {@code inner = 1}.
   */
  public static void maxAxis(double[] x, int outer, int axis, int inner, double[] out) {
    ReduceF64.maxAxis(x, outer, axis, inner, out);
  }

  /** {@link #maxAxis(double[], int, int, int, double[])} over floats. */
  public static void maxAxis(float[] x, int outer, int axis, int inner, float[] out) {
    ReduceF32.maxAxis(x, outer, axis, inner, out);
  }

  /** Index of the first maximum over the middle axis of {@code [outer, axis, inner]}; NaN wins. */
  public static void argmaxAxis(double[] x, int outer, int axis, int inner, int[] out) {
    ReduceF64.argmaxAxis(x, outer, axis, inner, out);
  }

  /** {@link #argmaxAxis(double[], int, int, int, int[])} over floats. */
  public static void argmaxAxis(float[] x, int outer, int axis, int inner, int[] out) {
    ReduceF32.argmaxAxis(x, outer, axis, inner, out);
  }
}
