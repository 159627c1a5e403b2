package org.vecgrad.kernel;

/**
 * Drives a {@link BinaryKernel} over numpy-style broadcast operands, in either dtype ({@code
 * BroadcastF64} and its generated twin {@code BroadcastF32} do the work).
 *
 * <p>The operands are described by their dimensions already aligned to the output's rank (missing
 * leading dimensions given as 1). The output is walked in runs along its innermost coalesced
 * dimension ({@code Rows}), so the kernel sees runs as long as possible: same shapes and a scalar
 * on either side become one run, a bias row {@code [1, n]} on {@code [m, n]} m runs of n, a column
 * {@code [m, 1]} m runs of n with one side repeated. Each output element is written once, so the
 * result does not depend on how the runs are cut. {@link #sumTo} is the adjoint: it sums a
 * broadcast result back down to an operand's shape.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * {@code out = f(a, b)} with broadcasting.
   *
   * @param f the kernel
   * @param outDims the output dimensions
   * @param a the first operand
   * @param aDims dimensions of {@code a}, of the same rank as {@code outDims}, each equal or 1
   * @param b the second operand
   * @param bDims likewise for {@code b}
   * @param out the output
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
    BroadcastF64.apply(f.f64(), outDims, a, aDims, b, bDims, out);
  }

  /**
   * {@link #apply(BinaryKernel, int[], double[], int[], double[], int[], double[])} over floats, in
   * float lanes.
   *
   * @param f the kernel
   * @param outDims the output dimensions
   * @param a the first operand
   * @param aDims dimensions of {@code a}, of the same rank as {@code outDims}, each equal or 1
   * @param b the second operand
   * @param bDims likewise for {@code b}
   * @param out the output
   * @throws IllegalArgumentException if ranks differ, a dimension neither matches nor is 1, or an
   *     array's length is not the product of its dimensions
   */
  public static void apply(
      BinaryKernel f, int[] outDims, float[] a, int[] aDims, float[] b, int[] bDims, float[] out) {
    BroadcastF32.apply(f.f32(), outDims, a, aDims, b, bDims, out);
  }

  /**
   * Sums {@code x} down to a shape that broadcasts to it: {@code out[j] = Σ x[i]} over every i that
   * broadcasting maps onto j. This is the adjoint of broadcasting, i.e. the gradient of a broadcast
   * operand (a bias gradient is the sum of the rows). The order is fixed, and the same with SIMD on
   * or off.
   *
   * @param x the broadcast data
   * @param xDims dimensions of {@code x}
   * @param out the sums
   * @param outDims dimensions of {@code out}, of the same rank, each equal to that of x or 1
   * @throws IllegalArgumentException if ranks differ, a dimension neither matches nor is 1, or an
   *     array's length is not the product of its dimensions
   */
  public static void sumTo(double[] x, int[] xDims, double[] out, int[] outDims) {
    BroadcastF64.sumTo(x, xDims, out, outDims);
  }

  /**
   * {@link #sumTo(double[], int[], double[], int[])} over floats, summed in float.
   *
   * @param x the broadcast data
   * @param xDims dimensions of {@code x}
   * @param out the sums
   * @param outDims dimensions of {@code out}, of the same rank, each equal to that of x or 1
   * @throws IllegalArgumentException if ranks differ, a dimension neither matches nor is 1, or an
   *     array's length is not the product of its dimensions
   */
  public static void sumTo(float[] x, int[] xDims, float[] out, int[] outDims) {
    BroadcastF32.sumTo(x, xDims, out, outDims);
  }

  /**
   * Row-major strides with 0 for every dimension of size 1 (the broadcast ones).
   *
   * @param dims the dimensions
   * @return the strides
   */
  public static int[] broadcastStrides(int[] dims) {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = dims[i] == 1 ? 0 : acc;
      acc *= dims[i];
    }
    return s;
  }
}
