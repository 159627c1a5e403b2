package org.vecgrad.kernel;

/**
 * A row-major walk over an output shape in runs along its innermost coalesced dimension, tracking
 * the offset of each operand under its own (broadcast) strides.
 *
 * <p>Adjacent dimensions that every operand traverses the same way (contiguously, or repeated with
 * stride 0) are merged first, and dimensions of extent 1 dropped, so the runs are as long as
 * possible: two operands of the output's shape become one run, a bias row {@code [1, n]} on {@code
 * [m, n]} m runs of n. Within a run each operand's stride is 1 (contiguous) or 0 (one repeated
 * value).
 */
final class Rows {
  /** Coalesced extents, innermost first. */
  private final int[] dim;

  /** {@code stride[o][d]}: operand o's stride along coalesced dimension d. */
  private final int[][] stride;

  private final int[] idx;
  private final int[] offset;
  private final int rank;

  /**
   * A walk over {@code outDims} for operands with the given row-major broadcast strides (see {@link
   * Broadcast#broadcastStrides}), each of the output's rank.
   */
  Rows(int[] outDims, int[]... strides) {
    int ops = strides.length;
    int capacity = Math.max(1, outDims.length); // rank 0 is one run of one element
    dim = new int[capacity];
    stride = new int[ops][capacity];
    int k = 0;
    for (int d = outDims.length - 1; d >= 0; d--) {
      if (outDims[d] == 1) {
        continue; // contributes nothing to any offset
      }
      if (k > 0 && mergeable(strides, d, k - 1)) {
        dim[k - 1] *= outDims[d];
      } else {
        dim[k] = outDims[d];
        for (int o = 0; o < ops; o++) {
          stride[o][k] = strides[o][d];
        }
        k++;
      }
    }
    if (k == 0) { // a single element
      dim[0] = 1;
      k = 1;
    }
    rank = k;
    idx = new int[k];
    offset = new int[ops];
  }

  /** Dimension d continues group g when every operand's stride along d is g's stride × extent. */
  private boolean mergeable(int[][] strides, int d, int g) {
    for (int o = 0; o < strides.length; o++) {
      if (strides[o][d] != stride[o][g] * dim[g]) {
        return false;
      }
    }
    return true;
  }

  /** Elements per run. */
  int length() {
    return dim[0];
  }

  /** Operand o's stride within a run: 1 or 0. */
  int innerStride(int o) {
    return stride[o][0];
  }

  /** Operand o's offset at the start of the current run. */
  int offset(int o) {
    return offset[o];
  }

  /** Moves to the next run (an odometer over the outer coalesced dimensions). */
  void next() {
    for (int d = 1; d < rank; d++) {
      for (int o = 0; o < offset.length; o++) {
        offset[o] += stride[o][d];
      }
      if (++idx[d] < dim[d]) {
        return;
      }
      for (int o = 0; o < offset.length; o++) {
        offset[o] -= stride[o][d] * dim[d];
      }
      idx[d] = 0;
    }
  }
}
