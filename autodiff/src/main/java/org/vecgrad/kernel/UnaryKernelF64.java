package org.vecgrad.kernel;

import org.vecgrad.tensor.Workspace;

/**
 * An elementwise map {@code out[i] = f(x[i])} over contiguous runs of doubles.
 *
 * <p>{@link #apply(double)} is the mathematical definition, and {@link #mapScalar} (a loop over it)
 * is the scalar twin: the test oracle of the SIMD loop {@link #mapSimd}, which a kernel overrides
 * when the Vector API has the lane operations. {@link #map} picks one of the two by {@link
 * Simd#enabled()}.
 *
 * <p>A SIMD loop has the shape {@code for (i < F64.loopBound(n); i += lanes) out[i..] = f(x[i..])},
 * then hands the last {@code n mod lanes} elements to the scalar twin. Add, multiply, square root
 * and comparisons are IEEE-exact in both paths, so those kernels agree bit for bit; the
 * transcendental lanes ({@code exp}, {@code log}, {@code tanh}, ...) are within about one ulp of
 * {@link Math} but not always equal to it.
 */
abstract class UnaryKernelF64 {
  /**
   * Elements per parallel work item: a multiple of every lane count, so a split run has its scalar
   * tail in the same place as an unsplit one and gives the same bits.
   */
  static final int GRAIN = 1 << 14;

  private final String name;
  private final int cost;

  /** A kernel called {@code name} (used in messages and benchmarks) costing about one flop. */
  protected UnaryKernelF64(String name) {
    this(name, 1);
  }

  /**
   * A kernel called {@code name} whose SIMD loop costs about {@code cost} floating-point operations
   * per element (1 for a comparison, about 10 for {@code exp}); {@link #map} uses it to decide
   * whether a long run is worth splitting across threads.
   */
  protected UnaryKernelF64(String name, int cost) {
    if (cost < 1) {
      throw new IllegalArgumentException(
          name + ": cost per element must be at least 1, got " + cost);
    }
    this.name = name;
    this.cost = cost;
  }

  /** The function on one value. */
  public abstract double apply(double x);

  /**
   * {@code out[oo + i] = f(x[xo + i])} for {@code i < n}: the SIMD loop, or the scalar twin when
   * SIMD is switched off. {@code out} may be {@code x} with {@code oo == xo} (in place). Long runs
   * of costly kernels are split into fixed chunks of 16384 elements run by {@link Parallel}; every
   * element is computed the same way whatever the split.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public final void map(double[] x, int xo, double[] out, int oo, int n) {
    if (Simd.enabled()) {
      Ranges.check(name, "x", x, xo, n);
      Ranges.check(name, "out", out, oo, n);
      if (n <= GRAIN) { // one chunk: no split, and no lambda to allocate (small tensors, scalars)
        mapSimd(x, xo, out, oo, n);
        return;
      }
      Parallel.forRange(
          n,
          GRAIN,
          (long) n * cost,
          (from, to) -> mapSimd(x, xo + from, out, oo + from, to - from));
    } else {
      mapScalar(x, xo, out, oo, n);
    }
  }

  /**
   * The SIMD loop behind {@link #map}; ranges are already checked. The default is the scalar twin,
   * for kernels without lane operations.
   */
  protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
    mapScalar(x, xo, out, oo, n);
  }

  /**
   * The scalar loop over {@link #apply}: the oracle of {@link #mapSimd}, and the tail of its loop.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public final void mapScalar(double[] x, int xo, double[] out, int oo, int n) {
    Ranges.check(name, "x", x, xo, n);
    Ranges.check(name, "out", out, oo, n);
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(x[xo + i]);
    }
  }

  /** A new array holding {@code f(x[i])}. */
  public final double[] map(double[] x) {
    double[] out = Workspace.newF64ForOverwrite(x.length);
    map(x, 0, out, 0, x.length);
    return out;
  }

  /** The kernel's name. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
