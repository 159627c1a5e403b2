package org.vecgrad.autodiff.op;

import org.vecgrad.kernel.ArrayOpsF32;
import org.vecgrad.kernel.ArrayOpsF64;
import org.vecgrad.kernel.BinaryKernel;
import org.vecgrad.kernel.Broadcast;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * The bridge from tensors to kernels: reads the storage without copying, calls the kernel of the
 * tensor's dtype on its primitive array ({@code double[]} for F64, {@code float[]} for F32: each
 * dtype runs its own kernels, an F32 tensor is never widened to double) and wraps the result in the
 * same dtype. Mixing dtypes is rejected before an op gets here (see {@code Op#dtype}); {@link Cast}
 * is the explicit conversion.
 */
final class Compute {
  private Compute() {}

  static Tensor unary(UnaryKernel k, Tensor x) {
    if (x.dtype() == DType.F32) {
      float[] v = x.readF32();
      if (v.length == 1) { // scalars (tape-overhead bound): the definition itself, no loop set-up
        return Tensor.wrap(x.shape(), new float[] {k.apply(v[0])});
      }
      return Tensor.wrap(x.shape(), k.map(v));
    }
    double[] v = x.readF64();
    if (v.length == 1) {
      return Tensor.wrap(x.shape(), new double[] {k.apply(v[0])});
    }
    return Tensor.wrap(x.shape(), k.map(v));
  }

  static Tensor binary(BinaryKernel k, Tensor a, Tensor b, Shape out) {
    int n = out.size();
    // one contiguous run (or one element) needs no index arithmetic: build the dimension arrays
    // only for a true broadcast, so that scalar tapes allocate nothing extra here
    boolean run =
        n == 1
            || (a.size() == n && (b.size() == n || b.size() == 1))
            || (a.size() == 1 && b.size() == n);
    int[] ad = run ? null : aligned(a.shape(), out);
    int[] bd = run ? null : aligned(b.shape(), out);
    int[] od = run ? null : out.dims();
    return a.dtype() == DType.F32
        ? Tensor.wrap(out, ArrayOpsF32.binary(k, a.readF32(), ad, b.readF32(), bd, od, n))
        : Tensor.wrap(out, ArrayOpsF64.binary(k, a.readF64(), ad, b.readF64(), bd, od, n));
  }

  /**
   * The storage of {@code t} without copying, as an {@code Object} ({@code double[]} or {@code
   * float[]}): for the ops that only move elements ({@link System#arraycopy}), whatever the dtype.
   */
  static Object storage(Tensor t) {
    return t.dtype() == DType.F32 ? t.readF32() : t.readF64();
  }

  /**
   * Copies {@code outer} runs of {@code length} elements from {@code x} (run o starts at {@code o ·
   * srcStride + srcOffset}) into {@code y} (at {@code o · dstStride + dstOffset}): the strided
   * block copy behind slice, embed and concat, for either dtype's storage.
   */
  static void copyRuns(
      Object x,
      int srcStride,
      int srcOffset,
      Object y,
      int dstStride,
      int dstOffset,
      int outer,
      int length) {
    for (int o = 0; o < outer; o++) {
      System.arraycopy(x, o * srcStride + srcOffset, y, o * dstStride + dstOffset, length);
    }
  }

  /** A new zeroed array of {@code n} elements of {@code dtype}. */
  static Object newStorage(DType dtype, int n) {
    return dtype == DType.F32 ? Workspace.newF32(n) : Workspace.newF64(n);
  }

  /** Wraps an array made by {@link #newStorage} in a tensor of its dtype. */
  static Tensor wrapStorage(Shape shape, Object data) {
    return data instanceof float[] f ? Tensor.wrap(shape, f) : Tensor.wrap(shape, (double[]) data);
  }

  /** The dimensions of {@code s} padded with leading 1s to the rank of {@code out}. */
  static int[] aligned(Shape s, Shape out) {
    int[] d = new int[out.rank()];
    int off = out.rank() - s.rank();
    for (int i = 0; i < d.length; i++) {
      d[i] = i < off ? 1 : s.dim(i - off);
    }
    return d;
  }

  static void requireArity(String op, Shape[] in, int n) {
    if (in.length != n) {
      throw new IllegalArgumentException(op + ": takes " + n + " input(s), got " + in.length);
    }
  }

  static void requireRank(String op, Shape s, int rank, String which) {
    if (s.rank() != rank) {
      throw new IllegalArgumentException(
          op + ": " + which + " must have rank " + rank + ", got shape " + s);
    }
  }

  /** Copies {@code x} into the larger broadcast shape {@code big}. */
  static Tensor broadcastTo(Tensor x, Shape big) {
    if (x.shape().equals(big)) {
      return x;
    }
    int[] strides = Broadcast.broadcastStrides(aligned(x.shape(), big));
    return x.dtype() == DType.F32
        ? Tensor.wrap(big, ArrayOpsF32.broadcastTo(x.readF32(), big.dims(), strides, big.size()))
        : Tensor.wrap(big, ArrayOpsF64.broadcastTo(x.readF64(), big.dims(), strides, big.size()));
  }

  /** Sums {@code x} (of the broadcast shape) down to {@code small}, which broadcasts to it. */
  static Tensor sumTo(Tensor x, Shape small) {
    if (x.shape().equals(small)) {
      return x;
    }
    int[] smallDims = aligned(small, x.shape());
    if (x.dtype() == DType.F32) {
      float[] out = Workspace.newF32ForOverwrite(small.size()); // sumTo zeroes it
      Broadcast.sumTo(x.readF32(), x.shape().dims(), out, smallDims);
      return Tensor.wrap(small, out);
    }
    double[] out = Workspace.newF64ForOverwrite(small.size()); // sumTo zeroes it
    Broadcast.sumTo(x.readF64(), x.shape().dims(), out, smallDims);
    return Tensor.wrap(small, out);
  }
}
