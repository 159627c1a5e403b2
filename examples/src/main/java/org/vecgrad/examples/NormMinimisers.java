package org.vecgrad.examples;

/**
 * The vectors of smallest ℓ¹, ℓ² and ℓ^∞ norm on the line {@code a·v = 1} in the plane (lecture
 * 001: for {@code 3v₁ + 4v₂ = 1} they are (0, ¼), (3/25, 4/25) and (1/7, 1/7)). Found by minimising
 * the convex function {@code t ↦ ‖v₀ + t·u‖_p} along the line ({@code u ⊥ a}) with golden-section
 * search, so nothing about the answer is assumed.
 */
final class NormMinimisers {
  private NormMinimisers() {}

  /** The minimiser of ‖v‖_p (p = 1, 2 or ∞ as Double.POSITIVE_INFINITY) on a₁v₁ + a₂v₂ = 1. */
  static double[] minimise(double a1, double a2, double p) {
    double norm2 = a1 * a1 + a2 * a2;
    double[] v0 = {a1 / norm2, a2 / norm2}; // a point on the line
    double[] u = {a2, -a1}; // its direction
    double lo = -10;
    double hi = 10;
    final double phi = (Math.sqrt(5) - 1) / 2;
    for (int it = 0; it < 300; it++) {
      double t1 = hi - phi * (hi - lo);
      double t2 = lo + phi * (hi - lo);
      if (norm(v0, u, t1, p) <= norm(v0, u, t2, p)) {
        hi = t2;
      } else {
        lo = t1;
      }
    }
    double t = (lo + hi) / 2;
    return new double[] {v0[0] + t * u[0], v0[1] + t * u[1]};
  }

  private static double norm(double[] v0, double[] u, double t, double p) {
    double x = Math.abs(v0[0] + t * u[0]);
    double y = Math.abs(v0[1] + t * u[1]);
    if (Double.isInfinite(p)) {
      return Math.max(x, y);
    }
    return Math.pow(Math.pow(x, p) + Math.pow(y, p), 1 / p);
  }
}
