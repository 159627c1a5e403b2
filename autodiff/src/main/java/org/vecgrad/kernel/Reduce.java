package org.vecgrad.kernel;

/**
 * Reductions: sums, maxima and dot products over contiguous data or one axis.
 *
 * <p>Sums are taken in fixed blocks of {@link #BLOCK} elements whose partial sums are then added in
 * order, so the rounding is the same on every run and thread count.
 */
public final class Reduce {
  /** Elements summed per block before partial sums are combined. */
  public static final int BLOCK = 1024;

  private Reduce() {}

  /** {@code Σ x[off..off+n)}. */
  public static double sum(double[] x, int off, int n) {
    double total = 0;
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(BLOCK, n - start);
      total += sumBlock(x, off + start, len);
    }
    return total;
  }

  /** {@code Σ x}. */
  public static double sum(double[] x) {
    return sum(x, 0, x.length);
  }

  /** The scalar sum of one block: the oracle of the SIMD version. */
  static double sumBlock(double[] x, int off, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[off + i];
    }
    return s;
  }

  /** {@code Σ a[i]·b[i]} over {@code n} elements. */
  public static double dot(double[] a, double[] b, int n) {
    double total = 0;
    for (int start = 0; start < n; start += BLOCK) {
      int len = Math.min(BLOCK, n - start);
      double s = 0;
      for (int i = start; i < start + len; i++) {
        s += a[i] * b[i];
      }
      total += s;
    }
    return total;
  }

  /**
   * Sums the middle axis of data viewed as {@code [outer, axis, inner]}: {@code out[o, i] = Σ_a
   * x[o, a, i]}.
   */
  public static void sumAxis(double[] x, int outer, int axis, int inner, double[] out) {
    for (int o = 0; o < outer; o++) {
      int ob = o * inner;
      java.util.Arrays.fill(out, ob, ob + inner, 0.0);
      for (int a = 0; a < axis; a++) {
        int xb = (o * axis + a) * inner;
        for (int i = 0; i < inner; i++) {
          out[ob + i] += x[xb + i];
        }
      }
    }
  }

  /** Maximum over the middle axis of {@code [outer, axis, inner]}; -∞ for an empty axis. */
  public static void maxAxis(double[] x, int outer, int axis, int inner, double[] out) {
    for (int o = 0; o < outer; o++) {
      int ob = o * inner;
      java.util.Arrays.fill(out, ob, ob + inner, Double.NEGATIVE_INFINITY);
      for (int a = 0; a < axis; a++) {
        int xb = (o * axis + a) * inner;
        for (int i = 0; i < inner; i++) {
          double v = x[xb + i];
          if (v > out[ob + i] || Double.isNaN(v)) {
            out[ob + i] = v;
          }
        }
      }
    }
  }

  /** Index of the first maximum over the middle axis of {@code [outer, axis, inner]}; NaN wins. */
  public static void argmaxAxis(double[] x, int outer, int axis, int inner, int[] out) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = 0;
        double bv = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < axis; a++) {
          double v = x[(o * axis + a) * inner + i];
          if (v > bv || (Double.isNaN(v) && !Double.isNaN(bv))) {
            bv = v;
            best = a;
          }
        }
        out[o * inner + i] = best;
      }
    }
  }
}
