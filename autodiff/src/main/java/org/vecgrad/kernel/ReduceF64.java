package org.vecgrad.kernel;

import java.util.Arrays;

/**
 * Reductions: sums, means, maxima, dot products and norms over contiguous data or one axis.
 *
 * <p>Sums are taken in fixed blocks of {@link #BLOCK} elements, each summed by {@code BlockSumsF64}
 * (vector accumulators in a fixed lane order), and the block sums are then added in order. The
 * split depends only on n, never on the thread count: large sums compute their blocks in parallel
 * and still give the same bits, and the scalar twins add in the same order as the SIMD loops, so
 * {@code -Dvecgrad.simd=false} gives the same bits too. The order differs from the naive left-to-
 * right sum: each element passes through about {@code BLOCK/(4L) + L + n/BLOCK} roundings instead
 * of up to n (L lanes), so the error bound is much smaller for long sums; but the order, and so the
 * last bits, depend on the number of lanes of the machine (4 with AVX2, 8 with AVX-512).
 *
 * <p>Maxima use {@link Math#max} semantics: NaN propagates, +0 is above −0, and the maximum of
 * nothing is −∞.
 */
final class ReduceF64 {
  /** Elements summed per block before partial sums are combined. */
  public static final int BLOCK = 1024;

  /** Blocks per parallel work item (64K elements). */
  private static final int GRAIN_BLOCKS = 64;

  private ReduceF64() {}

  /** {@code Σ x[off..off+n)}; 0 when {@code n = 0}. */
  public static double sum(double[] x, int off, int n) {
    Ranges.check("sum", "x", x, off, n);
    boolean simd = Simd.enabled();
    return blocked(
        n,
        n,
        (start, len) ->
            simd
                ? BlockSumsF64.sumSimd(x, off + start, len)
                : BlockSumsF64.sumScalar(x, off + start, len));
  }

  /** {@code Σ x}. */
  public static double sum(double[] x) {
    return sum(x, 0, x.length);
  }

  /** {@code (Σ x[off..off+n)) / n}; NaN when {@code n = 0}. */
  public static double mean(double[] x, int off, int n) {
    return sum(x, off, n) / n;
  }

  /** {@code Σ a[i]·b[i]} over the first {@code n} elements. */
  public static double dot(double[] a, double[] b, int n) {
    return dot(a, 0, b, 0, n);
  }

  /** {@code Σ a[ao+i]·b[bo+i]} for {@code i < n}, with fused multiply-adds, in fixed blocks. */
  public static double dot(double[] a, int ao, double[] b, int bo, int n) {
    Ranges.check("dot", "a", a, ao, n);
    Ranges.check("dot", "b", b, bo, n);
    boolean simd = Simd.enabled();
    return blocked(
        n,
        2L * n,
        (start, len) ->
            simd
                ? BlockSumsF64.dotSimd(a, ao + start, b, bo + start, len)
                : BlockSumsF64.dotScalar(a, ao + start, b, bo + start, len));
  }

  /** {@code Σ x[i]²} over {@code x[off..off+n)}. */
  public static double sumOfSquares(double[] x, int off, int n) {
    return dot(x, off, x, off, n);
  }

  /** {@code max x[off..off+n)}; −∞ when {@code n = 0}, NaN if any value is NaN. */
  public static double max(double[] x, int off, int n) {
    Ranges.check("max", "x", x, off, n);
    return Simd.enabled() ? MaximaF64.maxSimd(x, off, n) : MaximaF64.maxScalar(x, off, n);
  }

  /** {@code max x} over the whole array. */
  public static double max(double[] x) {
    return max(x, 0, x.length);
  }

  /** {@code max |x[off..off+n)|} (the ∞-norm); 0 when {@code n = 0}, NaN if any value is NaN. */
  public static double maxAbs(double[] x, int off, int n) {
    Ranges.check("maxAbs", "x", x, off, n);
    return Simd.enabled() ? MaximaF64.maxAbsSimd(x, off, n) : MaximaF64.maxAbsScalar(x, off, n);
  }

  /**
   * Sums the middle axis of data viewed as {@code [outer, axis, inner]}: {@code out[o, i] = Σ_a
   * x[o, a, i]}. With {@code inner > 1} the rows {@code x[o, a, ·]} are added into {@code out[o,
   * ·]} one after the other (SIMD along the contiguous inner dimension, the same order per element
   * as the scalar loop); with {@code inner = 1} each run {@code x[o, ·]} is a {@link #sum}.
   */
  public static void sumAxis(double[] x, int outer, int axis, int inner, double[] out) {
    checkAxis("sumAxis", x, outer, axis, inner, out.length);
    for (int o = 0; o < outer; o++) {
      if (inner == 1) {
        out[o] = sum(x, o * axis, axis);
        continue;
      }
      int ob = o * inner;
      Arrays.fill(out, ob, ob + inner, 0);
      for (int a = 0; a < axis; a++) {
        BinaryKernelsF64.ADD.vv(out, ob, x, (o * axis + a) * inner, out, ob, inner);
      }
    }
  }

  /**
   * Maximum over the middle axis of {@code [outer, axis, inner]}; −∞ for an empty axis, NaN where a
   * NaN occurs. SIMD along the inner dimension, or along the axis when {@code inner = 1}.
   */
  public static void maxAxis(double[] x, int outer, int axis, int inner, double[] out) {
    checkAxis("maxAxis", x, outer, axis, inner, out.length);
    for (int o = 0; o < outer; o++) {
      if (inner == 1) {
        out[o] = max(x, o * axis, axis);
        continue;
      }
      int ob = o * inner;
      Arrays.fill(out, ob, ob + inner, Double.NEGATIVE_INFINITY);
      for (int a = 0; a < axis; a++) {
        BinaryKernelsF64.MAX.vv(out, ob, x, (o * axis + a) * inner, out, ob, inner);
      }
    }
  }

  /** Index of the first maximum over the middle axis of {@code [outer, axis, inner]}; NaN wins. */
  public static void argmaxAxis(double[] x, int outer, int axis, int inner, int[] out) {
    checkAxis("argmaxAxis", x, outer, axis, inner, out.length);
    if (Simd.enabled()) {
      ArgmaxF64.simd(x, outer, axis, inner, out);
    } else {
      ArgmaxF64.scalar(x, outer, axis, inner, out);
    }
  }

  /** A block function: the reduction of elements {@code [start, start + len)} of the operands. */
  @FunctionalInterface
  private interface Block {
    double of(int start, int len);
  }

  /**
   * Adds the block results in order; the blocks of large reductions are computed in parallel first,
   * which changes nothing in the result since each block's value is fixed.
   */
  private static double blocked(int n, long flops, Block block) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    if (blocks <= GRAIN_BLOCKS) {
      double total = 0;
      for (int b = 0; b < blocks; b++) {
        int start = b * BLOCK;
        total += block.of(start, Math.min(BLOCK, n - start));
      }
      return total;
    }
    double[] partial = new double[blocks];
    Parallel.forRange(
        blocks,
        GRAIN_BLOCKS,
        flops,
        (from, to) -> {
          for (int b = from; b < to; b++) {
            int start = b * BLOCK;
            partial[b] = block.of(start, Math.min(BLOCK, n - start));
          }
        });
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  private static void checkAxis(
      String op, double[] x, int outer, int axis, int inner, int outLength) {
    if (outer < 0 || axis < 0 || inner < 0) {
      throw new IllegalArgumentException(
          op + ": negative extent in [" + outer + ", " + axis + ", " + inner + "]");
    }
    if ((long) outer * axis * inner != x.length || (long) outer * inner != outLength) {
      throw new IllegalArgumentException(
          op
              + ": x of length "
              + x.length
              + " viewed as ["
              + outer
              + ", "
              + axis
              + ", "
              + inner
              + "] needs "
              + (long) outer * axis * inner
              + " elements and an output of "
              + (long) outer * inner
              + ", got "
              + outLength);
    }
  }
}
