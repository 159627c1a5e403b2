package org.vecgrad.examples;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Tensor;

/**
 * Randomized Kaczmarz with norm-squared row sampling (lecture 001): pick row i with probability
 * {@code ‖aᵢ‖²/‖A‖²_F} and project onto its equation, {@code x ← x + (bᵢ − aᵢᵀx)/‖aᵢ‖² · aᵢ}. For a
 * consistent system the expected squared error contracts at least by {@code 1 − σ_min²/‖A‖²_F} per
 * step (Strohmer and Vershynin).
 */
final class Kaczmarz {
  final double[][] a;
  final double[] b;
  final double[] xTrue;

  /** A consistent m×n system with rows of unequal norms, seeded. */
  Kaczmarz(int m, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    a = new double[m][n];
    for (int i = 0; i < m; i++) {
      double scale = 0.2 + 2 * rng.nextDouble();
      for (int j = 0; j < n; j++) {
        a[i][j] = scale * rng.nextGaussian();
      }
    }
    xTrue = new double[n];
    for (int j = 0; j < n; j++) {
      xTrue[j] = rng.nextGaussian();
    }
    b = new double[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        b[i] += a[i][j] * xTrue[j];
      }
    }
  }

  /** The contraction factor {@code 1 − σ_min²/‖A‖²_F} of the expected squared error. */
  double rate() {
    double[] s = Linalg.singularValues(Tensor.of(a));
    double frob = 0;
    for (double v : s) {
      frob += v * v;
    }
    double smin = s[s.length - 1];
    return 1 - smin * smin / frob;
  }

  /** Mean squared error ‖x_k − x*‖² over {@code runs} seeded runs, for k = 0 … steps. */
  double[] meanSquaredError(int steps, int runs, long seed) {
    double[] mean = new double[steps + 1];
    double[] cumulative = cumulativeRowWeights();
    SplittableRandom rng = new SplittableRandom(seed);
    for (int r = 0; r < runs; r++) {
      double[] x = new double[xTrue.length];
      for (int k = 0; k <= steps; k++) {
        mean[k] += error(x) / runs;
        if (k == steps) {
          break;
        }
        int i = sample(cumulative, rng.nextDouble());
        double residual = b[i];
        double norm2 = 0;
        for (int j = 0; j < x.length; j++) {
          residual -= a[i][j] * x[j];
          norm2 += a[i][j] * a[i][j];
        }
        for (int j = 0; j < x.length; j++) {
          x[j] += residual / norm2 * a[i][j];
        }
      }
    }
    return mean;
  }

  private double error(double[] x) {
    double e = 0;
    for (int j = 0; j < x.length; j++) {
      e += (x[j] - xTrue[j]) * (x[j] - xTrue[j]);
    }
    return e;
  }

  private double[] cumulativeRowWeights() {
    double[] c = new double[a.length];
    double total = 0;
    for (int i = 0; i < a.length; i++) {
      for (double v : a[i]) {
        total += v * v;
      }
      c[i] = total;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= total;
    }
    return c;
  }

  private static int sample(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
