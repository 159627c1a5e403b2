package org.vecgrad.kernel;

/**
 * An elementwise binary map {@code out[i] = f(a[i], b[i])} in both dtypes, with the two broadcast
 * cases where one side is a single repeated value: a pair of twins, {@code BinaryKernelF64} and the
 * generated {@code BinaryKernelF32}, behind {@code double[]} and {@code float[]} overloads.
 *
 * <p>In each twin {@code apply} is the definition and the {@code *Scalar} loops over it are the
 * test oracles of the SIMD loops. {@link #vv}, {@link #vs} and {@link #sv} pick one or the other by
 * {@link Simd#enabled()}. {@link Broadcast} drives them over arbitrary broadcast shapes. Output
 * ranges may coincide with an input range (in place).
 */
public final class BinaryKernel {
  private final BinaryKernelF64 f64;
  private final BinaryKernelF32 f32;

  BinaryKernel(BinaryKernelF64 f64, BinaryKernelF32 f32) {
    this.f64 = f64;
    this.f32 = f32;
  }

  /** The F64 twin. */
  BinaryKernelF64 f64() {
    return f64;
  }

  /** The F32 twin. */
  BinaryKernelF32 f32() {
    return f32;
  }

  /** The function on one pair of doubles. */
  public double apply(double x, double y) {
    return f64.apply(x, y);
  }

  /** The function on one pair of floats, as the F32 twin computes it. */
  public float apply(float x, float y) {
    return f32.apply(x, y);
  }

  /**
   * {@code out[oo+i] = f(a[ao+i], b[bo+i])}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void vv(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    f64.vv(a, ao, b, bo, out, oo, n);
  }

  /**
   * {@code out[oo+i] = f(a[ao+i], b[bo+i])} in float lanes.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void vv(float[] a, int ao, float[] b, int bo, float[] out, int oo, int n) {
    f32.vv(a, ao, b, bo, out, oo, n);
  }

  /**
   * {@code out[oo+i] = f(a[ao+i], y)}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void vs(double[] a, int ao, double y, double[] out, int oo, int n) {
    f64.vs(a, ao, y, out, oo, n);
  }

  /**
   * {@code out[oo+i] = f(a[ao+i], y)} in float lanes.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void vs(float[] a, int ao, float y, float[] out, int oo, int n) {
    f32.vs(a, ao, y, out, oo, n);
  }

  /**
   * {@code out[oo+i] = f(x, b[bo+i])}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void sv(double x, double[] b, int bo, double[] out, int oo, int n) {
    f64.sv(x, b, bo, out, oo, n);
  }

  /**
   * {@code out[oo+i] = f(x, b[bo+i])} in float lanes.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void sv(float x, float[] b, int bo, float[] out, int oo, int n) {
    f32.sv(x, b, bo, out, oo, n);
  }

  /** The kernel's name. */
  public String name() {
    return f64.name();
  }

  @Override
  public String toString() {
    return f64.name();
  }
}
