package org.vecgrad.linop;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The eigenvalue of largest magnitude of a symmetric operator, by power iteration from a seeded
 * Gaussian start: {@code v ← A v / ‖A v‖}, with the Rayleigh quotient {@code λ = vᵀ A v} as the
 * estimate. Converges at the rate {@code |λ₂/λ₁|} per step; stops when {@code |λₖ − λₖ₋₁| ≤
 * tolerance·|λₖ|}. Lanczos is the better tool for several eigenvalues; this is the simple check.
 */
public final class PowerIteration {
  private long seed = 1;
  private int maxIterations = 1000;
  private double tolerance = 1e-10;

  /** Seed 1, at most 1000 iterations, relative tolerance 1e-10. */
  public PowerIteration() {}

  /** Seeds the random start vector. */
  public PowerIteration seed(long s) {
    this.seed = s;
    return this;
  }

  /** Sets the iteration limit (≥ 1). */
  public PowerIteration maxIterations(int max) {
    Solvers.requirePositive("PowerIteration.maxIterations", "max", max);
    this.maxIterations = max;
    return this;
  }

  /** Sets the relative tolerance on successive eigenvalue estimates (&gt; 0). */
  public PowerIteration tolerance(double tol) {
    if (!(tol > 0)) {
      throw new IllegalArgumentException("PowerIteration.tolerance: " + tol + " must be > 0");
    }
    this.tolerance = tol;
    return this;
  }

  /**
   * Runs power iteration on a symmetric operator.
   *
   * @throws IllegalArgumentException if A is not square
   */
  public Result run(LinearOperator a) {
    Shape shape = Solvers.requireSquare("PowerIteration.run", a);
    double[] v = Solvers.gaussian(shape.size(), new SplittableRandom(seed));
    normalize(v);
    double lambda = Double.NaN;
    for (int k = 1; k <= maxIterations; k++) {
      double[] av = a.apply(Tensor.of(shape, v)).readF64();
      double next = Vectors.dot(v, av);
      double norm = Vectors.norm(av);
      if (norm == 0) {
        return new Result(0, Tensor.of(shape, v), k, true);
      }
      for (int i = 0; i < v.length; i++) {
        v[i] = av[i] / norm;
      }
      if (Math.abs(next - lambda) <= tolerance * Math.abs(next)) {
        return new Result(next, Tensor.of(shape, v), k, true);
      }
      lambda = next;
    }
    return new Result(lambda, Tensor.of(shape, v), maxIterations, false);
  }

  private static void normalize(double[] v) {
    double n = Vectors.norm(v);
    for (int i = 0; i < v.length; i++) {
      v[i] /= n;
    }
  }

  /**
   * The outcome of power iteration.
   *
   * @param eigenvalue the Rayleigh quotient at the last iterate
   * @param vector the last (unit) iterate
   * @param iterations products with A taken
   * @param converged true when the tolerance was met
   */
  public record Result(double eigenvalue, Tensor vector, int iterations, boolean converged) {}
}
