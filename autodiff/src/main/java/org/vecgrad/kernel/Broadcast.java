package org.vecgrad.kernel;

import java.util.Arrays;

/**
 * Drives a {@link BinaryKernel} over numpy-style broadcast operands.
 *
 * <p>The operands are described by their dimensions already aligned to the output's rank (missing
 * leading dimensions given as 1). Before walking, adjacent dimensions that both operands traverse
 * the same way (both contiguous, or both repeated) are merged, so that the innermost run handed to
 * the kernel is as long as possible: same shapes and a scalar on either side become one run, a bias
 * row {@code [1, n]} on {@code [m, n]} becomes m runs of n, a column {@code [m, 1]} m runs of n
 * with one side repeated. The output is written in row-major order, each element exactly once, so
 * the result does not depend on how the runs are cut.
 */
public final class Broadcast {
  private Broadcast() {}

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
      BinaryKernel f,
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
    int[] aStrides = broadcastStrides(aDims);
    int[] bStrides = broadcastStrides(bDims);
    // Coalesced dimensions, innermost last: extent, a stride, b stride.
    int[] dim = new int[outDims.length];
    int[] as = new int[outDims.length];
    int[] bs = new int[outDims.length];
    int k = 0;
    for (int d = outDims.length - 1; d >= 0; d--) {
      if (outDims[d] == 1) {
        continue; // contributes nothing to any offset
      }
      if (k > 0 && aStrides[d] == as[k - 1] * dim[k - 1] && bStrides[d] == bs[k - 1] * dim[k - 1]) {
        dim[k - 1] *= outDims[d];
      } else {
        dim[k] = outDims[d];
        as[k] = aStrides[d];
        bs[k] = bStrides[d];
        k++;
      }
    }
    if (k == 0) {
      f.vv(a, 0, b, 0, out, 0, 1);
      return;
    }
    int inner = dim[0];
    int[] idx = new int[k];
    int ao = 0;
    int bo = 0;
    for (int oo = 0; oo < n; oo += inner) {
      run(f, a, ao, as[0], b, bo, bs[0], out, oo, inner);
      for (int d = 1; d < k; d++) { // odometer over the outer (coalesced) dimensions
        ao += as[d];
        bo += bs[d];
        if (++idx[d] < dim[d]) {
          break;
        }
        ao -= as[d] * dim[d];
        bo -= bs[d] * dim[d];
        idx[d] = 0;
      }
    }
  }

  /** Row-major strides with 0 for every dimension of size 1 (the broadcast ones). */
  public static int[] broadcastStrides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = dims[i] == 1 ? 0 : acc;
      acc *= dims[i];
    }
    return s;
  }

  /** One innermost run; each stride is 1 (contiguous) or 0 (one value repeated). */
  private static void run(
      BinaryKernel f,
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
      BinaryKernel f,
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
