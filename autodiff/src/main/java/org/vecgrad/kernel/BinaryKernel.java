package org.vecgrad.kernel;

/**
 * An elementwise binary map {@code out[i] = f(a[i], b[i])} over contiguous runs, with the two
 * broadcast cases where one side is a single repeated value.
 *
 * <p>{@link #apply(double, double)} is the definition and the scalar twin; subclasses override the
 * three loops with SIMD versions. {@link Broadcast} drives them over arbitrary broadcast shapes.
 */
public abstract class BinaryKernel {
  private final String name;

  /** A kernel called {@code name}. */
  protected BinaryKernel(String name) {
    this.name = name;
  }

  /** The function on one pair of values. */
  public abstract double apply(double x, double y);

  /** {@code out[oo+i] = f(a[ao+i], b[bo+i])}. */
  public void vv(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    vvScalar(a, ao, b, bo, out, oo, n);
  }

  /** {@code out[oo+i] = f(a[ao+i], y)}. */
  public void vs(double[] a, int ao, double y, double[] out, int oo, int n) {
    vsScalar(a, ao, y, out, oo, n);
  }

  /** {@code out[oo+i] = f(x, b[bo+i])}. */
  public void sv(double x, double[] b, int bo, double[] out, int oo, int n) {
    svScalar(x, b, bo, out, oo, n);
  }

  /** Scalar twin of {@link #vv}. */
  public final void vvScalar(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(a[ao + i], b[bo + i]);
    }
  }

  /** Scalar twin of {@link #vs}. */
  public final void vsScalar(double[] a, int ao, double y, double[] out, int oo, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(a[ao + i], y);
    }
  }

  /** Scalar twin of {@link #sv}. */
  public final void svScalar(double x, double[] b, int bo, double[] out, int oo, int n) {
    for (int i = 0; i < n; i++) {
      out[oo + i] = apply(x, b[bo + i]);
    }
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
