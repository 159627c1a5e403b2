package org.vecgrad.kernel;

/**
 * An elementwise map {@code out[i] = f(x[i])} over contiguous runs of doubles.
 *
 * <p>{@link #apply(double)} is the mathematical definition and the scalar twin; {@link #map} is the
 * loop, which a kernel overrides with a SIMD version when one pays. The scalar loop is used when
 * {@link Simd#enabled()} is false.
 */
public abstract class UnaryKernel {
  private final String name;

  /** A kernel called {@code name} (used in messages and benchmarks). */
  protected UnaryKernel(String name) {
    this.name = name;
  }

  /** The function on one value. */
  public abstract double apply(double x);

  /** {@code out[oo + i] = f(x[xo + i])} for {@code i < n}. */
  public void map(double[] x, int xo, double[] out, int oo, int n) {
    mapScalar(x, xo, out, oo, n);
  }

  /** The scalar loop: the oracle of {@link #map}. */
  public final void mapScalar(double[] x, int xo, double[] out, int oo, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(x[xo + i]);
    }
  }

  /** A new array holding {@code f(x[i])}. */
  public final double[] map(double[] x) {
    double[] out = new double[x.length];
    if (Simd.enabled()) {
      map(x, 0, out, 0, x.length);
    } else {
      mapScalar(x, 0, out, 0, x.length);
    }
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
