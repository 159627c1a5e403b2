package org.vecgrad.kernel;

/**
 * An elementwise map {@code out[i] = f(x[i])} in both dtypes: a pair of twins, {@code
 * UnaryKernelF64} over doubles and {@code UnaryKernelF32} over floats, the second generated from
 * the first by the build (see {@code docs/adding-an-op.md}, "Kernels in two dtypes"). Each method
 * here has a {@code double[]} and a {@code float[]} overload and hands the run to the twin of that
 * dtype, so a float run is computed in float lanes, never widened to double.
 *
 * <p>In each twin {@code apply} is the mathematical definition and {@code mapScalar} (a loop over
 * it) the scalar twin: the test oracle of the SIMD loop, which a kernel overrides when the Vector
 * API has the lane operations. {@link #map(double[], int, double[], int, int)} picks one of the two
 * by {@link Simd#enabled()}. Add, multiply, square root and comparisons are IEEE-exact in both
 * paths, so those kernels agree bit for bit; the transcendental lanes ({@code exp}, {@code log},
 * {@code tanh}, ...) are within about one ulp of {@link Math} but not always equal to it.
 */
public final class UnaryKernel {
  private final UnaryKernelF64 f64;
  private final UnaryKernelF32 f32;

  UnaryKernel(UnaryKernelF64 f64, UnaryKernelF32 f32) {
    this.f64 = f64;
    this.f32 = f32;
  }

  /** The F64 twin. */
  UnaryKernelF64 f64() {
    return f64;
  }

  /** The F32 twin. */
  UnaryKernelF32 f32() {
    return f32;
  }

  /** The function on one double. */
  public double apply(double x) {
    return f64.apply(x);
  }

  /** The function on one float, computed as the F32 twin computes it. */
  public float apply(float x) {
    return f32.apply(x);
  }

  /**
   * {@code out[oo + i] = f(x[xo + i])} for {@code i < n}: the SIMD loop, or the scalar twin when
   * SIMD is switched off. {@code out} may be {@code x} with {@code oo == xo} (in place). Long runs
   * of costly kernels are split into fixed chunks of 16384 elements run by {@link Parallel}; every
   * element is computed the same way whatever the split.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void map(double[] x, int xo, double[] out, int oo, int n) {
    f64.map(x, xo, out, oo, n);
  }

  /**
   * {@link #map(double[], int, double[], int, int)} over floats, in float lanes.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void map(float[] x, int xo, float[] out, int oo, int n) {
    f32.map(x, xo, out, oo, n);
  }

  /** A new array holding {@code f(x[i])}. */
  public double[] map(double[] x) {
    return f64.map(x);
  }

  /** A new array holding {@code f(x[i])}, computed in float. */
  public float[] map(float[] x) {
    return f32.map(x);
  }

  /**
   * The scalar loop over {@link #apply(double)}: the oracle of the SIMD loop.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void mapScalar(double[] x, int xo, double[] out, int oo, int n) {
    f64.mapScalar(x, xo, out, oo, n);
  }

  /**
   * The scalar loop over {@link #apply(float)}: the oracle of the float SIMD loop.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public void mapScalar(float[] x, int xo, float[] out, int oo, int n) {
    f32.mapScalar(x, xo, out, oo, n);
  }

  /** The SIMD loop itself, whatever {@link Simd#enabled()} says (tests); ranges unchecked. */
  void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
    f64.mapSimd(x, xo, out, oo, n);
  }

  /** The float SIMD loop itself (tests); ranges unchecked. */
  void mapSimd(float[] x, int xo, float[] out, int oo, int n) {
    f32.mapSimd(x, xo, out, oo, n);
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
