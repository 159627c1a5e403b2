package org.vecgrad.kernel;

/**
 * An elementwise binary map {@code out[i] = f(a[i], b[i])} over contiguous runs, with the two
 * broadcast cases where one side is a single repeated value.
 *
 * <p>{@link #apply(double, double)} is the definition; the {@code *Scalar} loops over it are the
 * scalar twins, the test oracles of the SIMD loops {@code vvSimd}, {@code vsSimd} and {@code
 * svSimd} that a kernel overrides. The public {@link #vv}, {@link #vs} and {@link #sv} pick one or
 * the other by {@link Simd#enabled()}. {@link BroadcastF64} drives them over arbitrary broadcast
 * shapes. Output ranges may coincide with an input range (in place).
 */
abstract class BinaryKernelF64 {
  private final String name;

  /** A kernel called {@code name}. */
  protected BinaryKernelF64(String name) {
    this.name = name;
  }

  /** The function on one pair of values. */
  public abstract double apply(double x, double y);

  /**
   * {@code out[oo+i] = f(a[ao+i], b[bo+i])}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public final void vv(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    if (Simd.enabled()) {
      check(a, ao, b, bo, out, oo, n);
      vvSimd(a, ao, b, bo, out, oo, n);
    } else {
      vvScalar(a, ao, b, bo, out, oo, n);
    }
  }

  /**
   * {@code out[oo+i] = f(a[ao+i], y)}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public final void vs(double[] a, int ao, double y, double[] out, int oo, int n) {
    if (Simd.enabled()) {
      Ranges.check(name, "a", a, ao, n);
      Ranges.check(name, "out", out, oo, n);
      vsSimd(a, ao, y, out, oo, n);
    } else {
      vsScalar(a, ao, y, out, oo, n);
    }
  }

  /**
   * {@code out[oo+i] = f(x, b[bo+i])}.
   *
   * @throws IllegalArgumentException if a range does not fit its array
   */
  public final void sv(double x, double[] b, int bo, double[] out, int oo, int n) {
    if (Simd.enabled()) {
      Ranges.check(name, "b", b, bo, n);
      Ranges.check(name, "out", out, oo, n);
      svSimd(x, b, bo, out, oo, n);
    } else {
      svScalar(x, b, bo, out, oo, n);
    }
  }

  /** The SIMD loop behind {@link #vv} (ranges checked); defaults to the scalar twin. */
  protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    vvScalar(a, ao, b, bo, out, oo, n);
  }

  /** The SIMD loop behind {@link #vs} (ranges checked); defaults to the scalar twin. */
  protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
    vsScalar(a, ao, y, out, oo, n);
  }

  /** The SIMD loop behind {@link #sv} (ranges checked); defaults to the scalar twin. */
  protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
    svScalar(x, b, bo, out, oo, n);
  }

  /** Scalar twin of {@link #vv}. */
  public final void vvScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    check(a, ao, b, bo, out, oo, n);
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(a[ao + i], b[bo + i]);
    }
  }

  /** Scalar twin of {@link #vs}. */
  public final void vsScalar(double[] a, int ao, double y, double[] out, int oo, int n) {
    Ranges.check(name, "a", a, ao, n);
    Ranges.check(name, "out", out, oo, n);
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(a[ao + i], y);
    }
  }

  /** Scalar twin of {@link #sv}. */
  public final void svScalar(double x, double[] b, int bo, double[] out, int oo, int n) {
    Ranges.check(name, "b", b, bo, n);
    Ranges.check(name, "out", out, oo, n);
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(x, b[bo + i]);
    }
  }

  private void check(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    Ranges.check(name, "a", a, ao, n);
    Ranges.check(name, "b", b, bo, n);
    Ranges.check(name, "out", out, oo, n);
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
