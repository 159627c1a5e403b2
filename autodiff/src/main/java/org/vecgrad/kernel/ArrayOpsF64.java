package org.vecgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import org.vecgrad.tensor.Workspace;

/**
 * The element loops ops need beyond the elementwise kernels — broadcasting runs of a binary kernel,
 * broadcast copies, transposes, row scatter-adds, diagonal sums — and the fused {@code axpy} of the
 * SGD step, over {@code double} arrays. The build generates {@code ArrayOpsF32} from this file, so
 * each loop is written once for both dtypes; a caller picks the class of its tensor's dtype.
 */
public final class ArrayOpsF64 {
  private ArrayOpsF64() {}

  /**
   * {@code k(x, y)} broadcast to {@code outDims}: {@code xDims} and {@code yDims} are the operands'
   * dimensions padded with leading 1s to the output's rank. Same shapes, or one side a single
   * value, run as one contiguous loop (the three dimension arrays are then not read and may be
   * null); a single output element is the kernel's definition itself (no loop set-up: scalar tapes
   * are overhead-bound).
   */
  public static double[] binary(
      BinaryKernel k, double[] x, int[] xDims, double[] y, int[] yDims, int[] outDims, int size) {
    if (size == 1) {
      return new double[] {k.apply(x[0], y[0])};
    }
    double[] r = Workspace.newF64ForOverwrite(size);
    if (x.length == size && y.length == size) {
      k.vv(x, 0, y, 0, r, 0, size);
    } else if (x.length == size && y.length == 1) {
      k.vs(x, 0, y[0], r, 0, size);
    } else if (x.length == 1 && y.length == size) {
      k.sv(x[0], y, 0, r, 0, size);
    } else {
      Broadcast.apply(k, outDims, x, xDims, y, yDims, r);
    }
    return r;
  }

  /**
   * {@code src} copied into the broadcast shape {@code dims} ({@code size} elements); {@code
   * strides} are {@code src}'s strides in that shape, 0 along broadcast axes.
   */
  public static double[] broadcastTo(double[] src, int[] dims, int[] strides, int size) {
    double[] out = Workspace.newF64ForOverwrite(size);
    if (src.length == 1) {
      java.util.Arrays.fill(out, src[0]);
      return out;
    }
    int rank = dims.length;
    int[] idx = new int[rank];
    int off = 0;
    for (int i = 0; i < size; i++) {
      out[i] = src[off];
      for (int d = rank - 1; d >= 0; d--) { // odometer: next multi-index, and its offset
        idx[d]++;
        off += strides[d];
        if (idx[d] < dims[d]) {
          break;
        }
        off -= strides[d] * dims[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** Tile edge of {@link #transpose}: both the reads and the writes stay in cache lines. */
  private static final int BLOCK = 32;

  /** The transpose of the row-major {@code rows × cols} matrix {@code x}, in blocked tiles. */
  public static double[] transpose(double[] x, int rows, int cols) {
    return transpose(x, rows, cols, Workspace.newF64ForOverwrite(x.length));
  }

  /**
   * Writes the transpose of the row-major {@code rows × cols} matrix {@code x} into {@code y} and
   * returns it, one {@code BLOCK × BLOCK} tile at a time, so that the rows read and the rows
   * written stay in cache: element by element, a power-of-two stride (256 columns) made the writes
   * conflict in L1 (a band of 8 rows at a time measured 1.0–1.5× slower than the tiles, F32, five
   * shapes from 10×128 to 1000×1000).
   */
  public static double[] transpose(double[] x, int rows, int cols, double[] y) {
    for (int i0 = 0; i0 < rows; i0 += BLOCK) {
      for (int j0 = 0; j0 < cols; j0 += BLOCK) {
        for (int i = i0; i < Math.min(rows, i0 + BLOCK); i++) {
          for (int j = j0; j < Math.min(cols, j0 + BLOCK); j++) {
            y[j * rows + i] = x[i * cols + j];
          }
        }
      }
    }
    return y;
  }

  /**
   * A new array of {@code size} elements where row {@code indices[i]} (rows of {@code row}
   * elements) accumulates row {@code i} of {@code x}: the scatter-add behind {@code indexAdd}.
   */
  public static double[] scatterAddRows(double[] x, int[] indices, int row, int size) {
    double[] y = Workspace.newF64(size);
    for (int i = 0; i < indices.length; i++) {
      int dst = indices[i] * row;
      for (int j = 0; j < row; j++) {
        y[dst + j] += x[i * row + j];
      }
    }
    return y;
  }

  /**
   * A new array {@code y + a·x}, each element one fused multiply-add ({@code fma(a, x[i], y[i])},
   * rounded once) in lanes and in the scalar tail alike: the SGD step {@code θ − η·g} in the
   * parameter's own dtype, one pass over each array.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double[] axpy(double a, double[] x, double[] y) {
    return axpy(a, x, y, new double[y.length]);
  }

  /**
   * {@code y + a·x} written into {@code out} (which may be {@code y} itself: element i reads only
   * {@code x[i]} and {@code y[i]}), as {@link #axpy(double, double[], double[])}; returns {@code
   * out}.
   *
   * @throws IllegalArgumentException if the lengths differ
   */
  public static double[] axpy(double a, double[] x, double[] y, double[] out) {
    if (x.length != y.length || out.length != y.length) {
      throw new IllegalArgumentException(
          "axpy: x has "
              + x.length
              + " elements, y "
              + y.length
              + " and out "
              + out.length
              + "; they must agree");
    }
    int i = 0;
    if (Simd.enabled()) {
      DoubleVector av = DoubleVector.broadcast(Simd.F64, a);
      for (int end = Simd.F64.loopBound(y.length); i < end; i += Simd.F64_LANES) {
        av.fma(DoubleVector.fromArray(Simd.F64, x, i), DoubleVector.fromArray(Simd.F64, y, i))
            .intoArray(out, i);
      }
    }
    for (; i < y.length; i++) {
      out[i] = Math.fma(a, x[i], y[i]);
    }
    return out;
  }

  /** {@code Σ x[i, i]} of the row-major {@code n × n} matrix {@code x}, in order. */
  public static double trace(double[] x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x[i * n + i];
    }
    return s;
  }

  /**
   * {@code log Σ_a exp x[o, a, i]} over the middle axis of {@code [outer, len, inner]}, stable: the
   * maximum m first, then {@code m + log Σ exp(x − m)}, all through the SIMD kernels (an infinite
   * maximum is the result itself).
   */
  public static double[] logSumExp(double[] x, int outer, int len, int inner) {
    int n = outer * inner;
    double[] m = Workspace.newF64(n);
    Reduce.maxAxis(x, outer, len, inner, m);
    int[] dims = {outer, len, inner};
    double[] e = Workspace.newF64ForOverwrite(x.length);
    Broadcast.apply(BinaryKernels.SUB, dims, x, dims, m, new int[] {outer, 1, inner}, e);
    UnaryKernels.EXP.map(e, 0, e, 0, e.length);
    double[] y = Workspace.newF64(n);
    Reduce.sumAxis(e, outer, len, inner, y);
    UnaryKernels.LOG.map(y, 0, y, 0, n);
    for (int i = 0; i < n; i++) {
      y[i] = Double.isInfinite(m[i]) ? m[i] : m[i] + y[i];
    }
    return y;
  }

  /**
   * Softmax cross-entropy of logits {@code z [b, c]} against targets {@code y [b, c]}: {@code
   * −(1/b) Σ_i Σ_j y_ij (z_ij − logSumExp_j z_i)}, skipping zero targets (so a −∞ logit with a zero
   * target adds nothing).
   */
  public static double softmaxCrossEntropy(double[] z, double[] y, int b, int c) {
    double[] lse = logSumExp(z, b, c, 1);
    double total = 0;
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < c; j++) {
        double t = y[i * c + j];
        if (t != 0) {
          total -= t * (z[i * c + j] - lse[i]);
        }
      }
    }
    return total / b;
  }
}
