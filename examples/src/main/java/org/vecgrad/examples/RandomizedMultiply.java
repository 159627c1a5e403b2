package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.matmul;

import java.util.SplittableRandom;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Randomized matrix multiplication by column/row sampling (lecture 001): {@code AB ≈ Σ_t a_{i_t}
 * b_{i_t}ᵀ / (s·p_{i_t})} with s samples drawn with probabilities {@code p_i}. Norm-squared
 * sampling, {@code p_i ∝ ‖a_i‖‖b_i‖}, minimises the variance, which is then {@code E‖AB −
 * estimate‖²_F = ((Σᵢ‖aᵢ‖‖bᵢ‖)² − ‖AB‖²_F)/s}.
 */
final class RandomizedMultiply {
  final Tensor a;
  final Tensor b;
  private final Tensor exact;
  private final double[] colNorms;
  private final double[] rowNorms;

  /** A seeded m×k by k×n product whose inner terms have very different sizes. */
  RandomizedMultiply(int m, int k, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] ad = Tensor.randn(Shape.of(m, k), rng).toDoubleArray();
    double[] bd = Tensor.randn(Shape.of(k, n), rng).toDoubleArray();
    for (int i = 0; i < k; i++) {
      double w = Math.exp(2 * rng.nextGaussian()); // heavy-tailed term sizes
      for (int r = 0; r < m; r++) {
        ad[r * k + i] *= w;
      }
    }
    a = Tensor.of(Shape.of(m, k), ad);
    b = Tensor.of(Shape.of(k, n), bd);
    exact = matmul(Var.constant(a), Var.constant(b)).value();
    colNorms = new double[k];
    rowNorms = new double[k];
    for (int i = 0; i < k; i++) {
      for (int r = 0; r < m; r++) {
        colNorms[i] += ad[r * k + i] * ad[r * k + i];
      }
      for (int c = 0; c < n; c++) {
        rowNorms[i] += bd[i * n + c] * bd[i * n + c];
      }
      colNorms[i] = Math.sqrt(colNorms[i]);
      rowNorms[i] = Math.sqrt(rowNorms[i]);
    }
  }

  /** The theoretical mean squared Frobenius error of norm-squared sampling with s samples. */
  double theoreticalMse(int s) {
    double sum = 0;
    for (int i = 0; i < colNorms.length; i++) {
      sum += colNorms[i] * rowNorms[i];
    }
    double e = exact.norm();
    return (sum * sum - e * e) / s;
  }

  /** Measured mean squared error over {@code trials}, norm-squared or uniform sampling. */
  double measuredMse(int s, int trials, boolean normSquared, long seed) {
    int k = colNorms.length;
    double[] p = new double[k];
    double total = 0;
    for (int i = 0; i < k; i++) {
      p[i] = normSquared ? colNorms[i] * rowNorms[i] : 1;
      total += p[i];
    }
    double[] cumulative = new double[k];
    double acc = 0;
    for (int i = 0; i < k; i++) {
      p[i] /= total;
      acc += p[i];
      cumulative[i] = acc;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    int m = a.shape().dim(0);
    int n = b.shape().dim(1);
    double[] ad = a.readF64();
    double[] bd = b.readF64();
    double mse = 0;
    for (int t = 0; t < trials; t++) {
      double[] est = new double[m * n];
      for (int draw = 0; draw < s; draw++) {
        int i = pick(cumulative, rng.nextDouble());
        double w = 1 / (s * p[i]);
        for (int r = 0; r < m; r++) {
          double ari = ad[r * k + i] * w;
          for (int c = 0; c < n; c++) {
            est[r * n + c] += ari * bd[i * n + c];
          }
        }
      }
      mse += squaredDistance(est) / trials;
    }
    return mse;
  }

  private double squaredDistance(double[] est) {
    double[] e = exact.readF64();
    double s = 0;
    for (int i = 0; i < e.length; i++) {
      s += (est[i] - e[i]) * (est[i] - e[i]);
    }
    return s;
  }

  private static int pick(double[] cumulative, double u) {
    for (int i = 0; i < cumulative.length; i++) {
      if (u <= cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }
}
