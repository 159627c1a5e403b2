package org.vecgrad.kernel;

/**
 * Drives a {@link BinaryKernel} over numpy-style broadcast operands.
 *
 * <p>The operands are described by their dimensions already aligned to the output's rank (missing
 * leading dimensions given as 1). The output is walked in row-major order; the innermost dimension
 * is handed to the kernel as one contiguous run, either element by element or with one side
 * repeated, so the SIMD loops see long runs in the common cases (same shape, scalar, bias row).
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * {@code out = f(a, b)} with broadcasting.
   *
   * @param outDims the output dimensions
   * @param aDims dimensions of {@code a}, of the same rank as {@code outDims}, each equal or 1
   * @param bDims likewise for {@code b}
   */
  public static void apply(
      BinaryKernel f,
      int[] outDims,
      double[] a,
      int[] aDims,
      double[] b,
      int[] bDims,
      double[] out) {
    int n = out.length;
    if (n == 0) {
      return;
    }
    boolean simd = Simd.enabled();
    if (a.length == n && b.length == n) {
      run(f, simd, a, 0, 1, b, 0, 1, out, 0, n);
      return;
    }
    if (b.length == 1 && a.length == n) {
      run(f, simd, a, 0, 1, b, 0, 0, out, 0, n);
      return;
    }
    if (a.length == 1 && b.length == n) {
      run(f, simd, a, 0, 0, b, 0, 1, out, 0, n);
      return;
    }
    int rank = outDims.length;
    int[] aStrides = broadcastStrides(aDims);
    int[] bStrides = broadcastStrides(bDims);
    int inner = outDims[rank - 1];
    int aInner = aStrides[rank - 1];
    int bInner = bStrides[rank - 1];
    int[] idx = new int[rank];
    int rows = n / inner;
    for (int r = 0; r < rows; r++) {
      int ao = 0;
      int bo = 0;
      for (int d = 0; d < rank - 1; d++) {
        ao += idx[d] * aStrides[d];
        bo += idx[d] * bStrides[d];
      }
      run(f, simd, a, ao, aInner, b, bo, bInner, out, r * inner, inner);
      for (int d = rank - 2; d >= 0; d--) {
        if (++idx[d] < outDims[d]) {
          break;
        }
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

  private static void run(
      BinaryKernel f,
      boolean simd,
      double[] a,
      int ao,
      int as,
      double[] b,
      int bo,
      int bs,
      double[] out,
      int oo,
      int n) {
    if (as == 1 && bs == 1) {
      if (simd) {
        f.vv(a, ao, b, bo, out, oo, n);
      } else {
        f.vvScalar(a, ao, b, bo, out, oo, n);
      }
    } else if (as == 1) {
      if (simd) {
        f.vs(a, ao, b[bo], out, oo, n);
      } else {
        f.vsScalar(a, ao, b[bo], out, oo, n);
      }
    } else if (bs == 1) {
      if (simd) {
        f.sv(a[ao], b, bo, out, oo, n);
      } else {
        f.svScalar(a[ao], b, bo, out, oo, n);
      }
    } else {
      double v = f.apply(a[ao], b[bo]);
      java.util.Arrays.fill(out, oo, oo + n, v);
    }
  }
}
