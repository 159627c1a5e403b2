package org.vecgrad.autodiff.op;

import org.vecgrad.kernel.BinaryKernel;
import org.vecgrad.kernel.Broadcast;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The bridge from tensors to kernels: reads the storage, calls the kernel on primitive arrays and
 * wraps the result in the input's dtype. F32 tensors currently run through the F64 kernels and are
 * rounded back (results are F32; native F32 kernels come with the performance work).
 */
final class Compute {
  private Compute() {}

  static Tensor unary(UnaryKernel k, Tensor x) {
    if (x.size() == 1) { // scalars (tape-overhead bound): the definition itself, no loop set-up
      return Tensor.wrap(x.shape(), new double[] {k.apply(x.at(0))}, x.dtype());
    }
    return Tensor.wrap(x.shape(), k.map(x.readF64()), x.dtype());
  }

  static Tensor binary(BinaryKernel k, Tensor a, Tensor b, Shape out) {
    if (out.size() == 1) { // scalars: the definition itself, no loop set-up
      return Tensor.wrap(out, new double[] {k.apply(a.at(0), b.at(0))}, a.dtype());
    }
    double[] r = new double[out.size()];
    double[] x = a.readF64();
    double[] y = b.readF64();
    // same shape, or one side a single value: one contiguous run, no index arithmetic
    if (x.length == r.length && y.length == r.length) {
      k.vv(x, 0, y, 0, r, 0, r.length);
    } else if (x.length == r.length && y.length == 1) {
      k.vs(x, 0, y[0], r, 0, r.length);
    } else if (x.length == 1 && y.length == r.length) {
      k.sv(x[0], y, 0, r, 0, r.length);
    } else {
      Broadcast.apply(k, out.dims(), x, aligned(a.shape(), out), y, aligned(b.shape(), out), r);
    }
    return Tensor.wrap(out, r, a.dtype());
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
    double[] src = x.readF64();
    double[] out = new double[big.size()];
    if (src.length == 1) {
      java.util.Arrays.fill(out, src[0]);
    } else {
      int[] strides = Broadcast.broadcastStrides(aligned(x.shape(), big));
      forEachOffset(big, strides, (i, off) -> out[i] = src[off]);
    }
    return Tensor.wrap(big, out, x.dtype());
  }

  /** Sums {@code x} (of the broadcast shape) down to {@code small}, which broadcasts to it. */
  static Tensor sumTo(Tensor x, Shape small) {
    if (x.shape().equals(small)) {
      return x;
    }
    double[] out = new double[small.size()];
    Broadcast.sumTo(x.readF64(), x.shape().dims(), out, aligned(small, x.shape()));
    return Tensor.wrap(small, out, x.dtype());
  }

  /** Visits every flat index i of {@code big} with the offset its multi-index has under strides. */
  private static void forEachOffset(Shape big, int[] strides, IndexPair body) {
    int rank = big.rank();
    int[] dims = big.dims();
    int[] idx = new int[rank];
    int off = 0;
    for (int i = 0; i < big.size(); i++) {
      body.accept(i, off);
      for (int d = rank - 1; d >= 0; d--) {
        idx[d]++;
        off += strides[d];
        if (idx[d] < dims[d]) {
          break;
        }
        off -= strides[d] * dims[d];
        idx[d] = 0;
      }
    }
  }

  @FunctionalInterface
  private interface IndexPair {
    void accept(int flat, int offset);
  }
}
