package org.vecgrad.linop;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Hutchinson's estimator of {@code tr A} from products only: for Rademacher probes z (entries ±1),
 * {@code E[zᵀ A z] = tr A}, so the mean of {@code zᵀ A zᵢ} over N seeded probes is unbiased, with
 * standard error {@code s/√N} (s the sample standard deviation). Its variance is {@code 2 Σ_{i≠j}
 * A_ij²}: exact for diagonal A.
 */
public final class HutchinsonTrace {
  private int probes = 100;
  private long seed = 1;

  /** 100 probes, seed 1. */
  public HutchinsonTrace() {}

  /** Sets the number of probes (≥ 1). */
  public HutchinsonTrace probes(int n) {
    Solvers.requirePositive("HutchinsonTrace.probes", "n", n);
    this.probes = n;
    return this;
  }

  /** Seeds the probes. */
  public HutchinsonTrace seed(long s) {
    this.seed = s;
    return this;
  }

  /**
   * Estimates {@code tr A}.
   *
   * @throws IllegalArgumentException if A is not square
   */
  public Result estimate(LinearOperator a) {
    Shape shape = Solvers.requireSquare("HutchinsonTrace.estimate", a);
    SplittableRandom rng = new SplittableRandom(seed);
    double mean = 0;
    double m2 = 0; // Welford's running sum of squared deviations
    for (int k = 1; k <= probes; k++) {
      double[] z = Solvers.rademacher(shape.size(), rng);
      double sample = Vectors.dot(z, a.apply(Tensor.wrap(shape, z.clone())).readF64());
      double delta = sample - mean;
      mean += delta / k;
      m2 += delta * (sample - mean);
    }
    double stdError = probes > 1 ? Math.sqrt(m2 / (probes - 1) / probes) : Double.NaN;
    return new Result(mean, stdError, probes);
  }

  /**
   * A trace estimate.
   *
   * @param trace the mean of the probes' {@code zᵀAz}
   * @param standardError the sample standard deviation over √probes (NaN for one probe)
   * @param probes the number of probes
   */
  public record Result(double trace, double standardError, int probes) {}
}
