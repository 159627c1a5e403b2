package org.vecgrad.kernel;

import java.util.Arrays;

/**
 * Drives a {@link BinaryKernelF64} over numpy-style broadcast operands.
 *
 * <p>The operands are described by their dimensions already aligned to the output's rank (missing
 * leading dimensions given as 1). The output is walked in runs along its innermost coalesced
 * dimension ({@code Rows}), so the kernel sees runs as long as possible: same shapes and a scalar
 * on either side become one run, a bias row {@code [1, n]} on {@code [m, n]} m runs of n, a column
 * {@code [m, 1]} m runs of n with one side repeated. Each output element is written once, so the
 * result does not depend on how the runs are cut. {@link #sumTo} is the adjoint: it sums a
 * broadcast result back down to an operand's shape.
 */
final class BroadcastF64 {
  private BroadcastF64() {}

  /**
   * {@code out = f(a, b)} with broadcasting.
   *
   * @param outDims the output dimensions
   * @param aDims dimensions of {@code a}, of the same rank as {@code outDims}, each equal or 1
   * @param bDims likewise for {@code b}
   * @throws IllegalArgumentException if ranks differ, a dimension neither matches nor is 1, or an
   *     array's length is not the product of its dimensions
   */
  public static void apply(
      BinaryKernelF64 f,
      int[] outDims,
      double[] a,
      int[] aDims,
      double[] b,
      int[] bDims,
      double[] out) {
    check(f, outDims, a, aDims, b, bDims, out);
    int n = out.length;
    if (n == 0) {
      return;
    }
    Rows rows =
        new Rows(outDims, Broadcast.broadcastStrides(aDims), Broadcast.broadcastStrides(bDims));
    int len = rows.length();
    for (int oo = 0; oo < n; oo += len, rows.next()) {
      run(
          f,
          a,
          rows.offset(0),
          rows.innerStride(0),
          b,
          rows.offset(1),
          rows.innerStride(1),
          out,
          oo,
          len);
    }
  }

  /**
   * Sums {@code x} down to a shape that broadcasts to it: {@code out[j] = Σ x[i]} over every i that
   * broadcasting maps onto j. This is the adjoint of broadcasting, i.e. the gradient of a broadcast
   * operand (a bias gradient is the sum of the rows). Runs where {@code out} advances with {@code
   * x} are added row after row with {@link BinaryKernelsF64#ADD}; runs that all land on one element
   * are taken with {@link ReduceF64#sum}. The order is fixed, and the same with SIMD on or off.
   *
   * @param xDims dimensions of {@code x}
   * @param outDims dimensions of {@code out}, of the same rank, each equal to that of x or 1
   * @throws IllegalArgumentException if ranks differ, a dimension neither matches nor is 1, or an
   *     array's length is not the product of its dimensions
   */
  public static void sumTo(double[] x, int[] xDims, double[] out, int[] outDims) {
    String where = "sumTo: summing " + Arrays.toString(xDims) + " to " + Arrays.toString(outDims);
    if (outDims.length != xDims.length) {
      throw new IllegalArgumentException(where + ": ranks differ");
    }
    for (int d = 0; d < xDims.length; d++) {
      if (outDims[d] != xDims[d] && outDims[d] != 1) {
        throw new IllegalArgumentException(
            where + ": dimension " + d + " is neither " + xDims[d] + " nor 1");
      }
    }
    requireLength(where, "x", x, xDims);
    requireLength(where, "out", out, outDims);
    Arrays.fill(out, 0);
    int n = x.length;
    if (n == 0) {
      return;
    }
    Rows rows = new Rows(xDims, Broadcast.broadcastStrides(outDims));
    int len = rows.length();
    for (int xo = 0; xo < n; xo += len, rows.next()) {
      int oo = rows.offset(0);
      if (rows.innerStride(0) != 0) {
        BinaryKernelsF64.ADD.vv(out, oo, x, xo, out, oo, len);
      } else {
        out[oo] += ReduceF64.sum(x, xo, len);
      }
    }
  }

  /** One innermost run; each stride is 1 (contiguous) or 0 (one value repeated). */
  private static void run(
      BinaryKernelF64 f,
      double[] a,
      int ao,
      int as,
      double[] b,
      int bo,
      int bs,
      double[] out,
      int oo,
      int n) {
    if (as != 0 && bs != 0) {
      f.vv(a, ao, b, bo, out, oo, n);
    } else if (as != 0) {
      f.vs(a, ao, b[bo], out, oo, n);
    } else if (bs != 0) {
      f.sv(a[ao], b, bo, out, oo, n);
    } else {
      Arrays.fill(out, oo, oo + n, f.apply(a[ao], b[bo]));
    }
  }

  private static void check(
      BinaryKernelF64 f,
      int[] outDims,
      double[] a,
      int[] aDims,
      double[] b,
      int[] bDims,
      double[] out) {
    String where =
        f.name()
            + ": broadcasting a "
            + Arrays.toString(aDims)
            + " and b "
            + Arrays.toString(bDims)
            + " to "
            + Arrays.toString(outDims);
    if (aDims.length != outDims.length || bDims.length != outDims.length) {
      throw new IllegalArgumentException(where + ": ranks differ");
    }
    for (int d = 0; d < outDims.length; d++) {
      if ((aDims[d] != outDims[d] && aDims[d] != 1) || (bDims[d] != outDims[d] && bDims[d] != 1)) {
        throw new IllegalArgumentException(
            where + ": dimension " + d + " is neither " + outDims[d] + " nor 1");
      }
    }
    requireLength(where, "a", a, aDims);
    requireLength(where, "b", b, bDims);
    requireLength(where, "out", out, outDims);
  }

  private static void requireLength(String where, String operand, double[] x, int[] dims) {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    if (x.length != size) {
      throw new IllegalArgumentException(
          where + ": " + operand + " has " + x.length + " elements, its dimensions need " + size);
    }
  }
}
