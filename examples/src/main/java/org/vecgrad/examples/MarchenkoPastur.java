package org.vecgrad.examples;

import java.util.Arrays;

/**
 * The Marchenko–Pastur law: the limiting eigenvalue density of {@code YYᵀ/m} for an {@code n × m}
 * matrix Y of i.i.d. zero-mean, unit-variance entries, with ratio {@code c = n/m ≤ 1}:
 *
 * <pre>
 *   ρ(λ) = √((λ₊ − λ)(λ − λ₋)) / (2π c λ),   λ± = (1 ± √c)².
 * </pre>
 */
final class MarchenkoPastur {
  private final double c;
  private final double lo;
  private final double hi;

  /** The law for ratio {@code c} in (0, 1]. */
  MarchenkoPastur(double c) {
    if (!(c > 0 && c <= 1)) {
      throw new IllegalArgumentException("MarchenkoPastur: ratio must be in (0, 1], got " + c);
    }
    this.c = c;
    this.lo = (1 - Math.sqrt(c)) * (1 - Math.sqrt(c));
    this.hi = (1 + Math.sqrt(c)) * (1 + Math.sqrt(c));
  }

  /** The density at λ (zero outside the support). */
  double density(double lambda) {
    if (lambda <= lo || lambda >= hi) {
      return 0;
    }
    return Math.sqrt((hi - lambda) * (lambda - lo)) / (2 * Math.PI * c * lambda);
  }

  /** The cumulative distribution at λ, by Simpson's rule on the support. */
  double cdf(double lambda) {
    if (lambda <= lo) {
      return 0;
    }
    double top = Math.min(lambda, hi);
    int n = 2000;
    double h = (top - lo) / n;
    double s = density(lo) + density(top);
    for (int i = 1; i < n; i++) {
      s += density(lo + i * h) * (i % 2 == 1 ? 4 : 2);
    }
    return Math.min(1, s * h / 3);
  }

  /** The Kolmogorov–Smirnov distance between the empirical law of {@code eigs} and this law. */
  double ksDistance(double[] eigs) {
    double[] e = eigs.clone();
    Arrays.sort(e);
    double d = 0;
    for (int i = 0; i < e.length; i++) {
      double f = cdf(e[i]);
      d =
          Math.max(
              d, Math.max(Math.abs(f - (double) i / e.length), Math.abs(f - (i + 1.0) / e.length)));
    }
    return d;
  }

  /** Lower edge of the support. */
  double lower() {
    return lo;
  }

  /** Upper edge of the support. */
  double upper() {
    return hi;
  }
}
