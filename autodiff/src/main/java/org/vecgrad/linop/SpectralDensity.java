package org.vecgrad.linop;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Stochastic Lanczos quadrature (SLQ): an estimate of the eigenvalue density {@code φ(t) = (1/n) Σᵢ
 * δ(t − λᵢ)} of a symmetric operator, as in the Hessian spectra of lecture 004 (the
 * Marchenko-Pastur bulk of {@code H₀}, the semicircle of {@code H₁}).
 *
 * <p>For a unit probe z, m Lanczos steps from z give nodes θₖ (Ritz values) and weights τₖ (squared
 * first components) with {@code zᵀ f(A) z ≈ Σₖ τₖ f(θₖ)}; averaging over probes estimates {@code
 * (1/n) tr f(A)}. With {@code f} a Gaussian bump of width σ centred at t this gives a smoothed
 * density, {@code φ_σ(t) = (1/N) Σ_probes Σₖ τₖ g_σ(t − θₖ)}, which integrates to 1. Probes are
 * seeded Rademacher vectors scaled to unit length.
 */
public final class SpectralDensity {
  private int probes = 10;
  private int steps = 30;
  private double sigma = Double.NaN;
  private int gridPoints = 200;
  private long seed = 1;

  /** 10 probes, 30 steps, 200 grid points, σ = 1% of the range of the Ritz values, seed 1. */
  public SpectralDensity() {}

  /** Sets the number of probes (≥ 1). */
  public SpectralDensity probes(int n) {
    Solvers.requirePositive("SpectralDensity.probes", "n", n);
    this.probes = n;
    return this;
  }

  /** Sets the Lanczos steps per probe (≥ 1). */
  public SpectralDensity steps(int m) {
    Solvers.requirePositive("SpectralDensity.steps", "m", m);
    this.steps = m;
    return this;
  }

  /** Sets the Gaussian broadening σ (&gt; 0). */
  public SpectralDensity sigma(double s) {
    if (!(s > 0)) {
      throw new IllegalArgumentException("SpectralDensity.sigma: " + s + " must be > 0");
    }
    this.sigma = s;
    return this;
  }

  /** Sets the number of grid points (≥ 2). */
  public SpectralDensity gridPoints(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("SpectralDensity.gridPoints: " + n + " must be ≥ 2");
    }
    this.gridPoints = n;
    return this;
  }

  /** Seeds the probes. */
  public SpectralDensity seed(long s) {
    this.seed = s;
    return this;
  }

  /**
   * Estimates the density of A on a grid spanning the Ritz values (padded by 3σ).
   *
   * @throws IllegalArgumentException if A is not square
   */
  public Result estimate(LinearOperator a) {
    Shape shape = Solvers.requireSquare("SpectralDensity.estimate", a);
    int n = shape.size();
    SplittableRandom rng = new SplittableRandom(seed);
    Lanczos lanczos = new Lanczos().steps(steps);
    double[][] nodes = new double[probes][];
    double[][] weights = new double[probes][];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < probes; p++) {
      Lanczos.Result r = lanczos.run(a, Tensor.wrap(shape, Solvers.rademacher(n, rng)));
      nodes[p] = r.ritzValues();
      weights[p] = r.weights();
      for (double t : nodes[p]) {
        lo = Math.min(lo, t);
        hi = Math.max(hi, t);
      }
    }
    double width =
        Double.isNaN(sigma) ? Math.max(1e-3 * Math.max(1, Math.abs(hi)), 0.01 * (hi - lo)) : sigma;
    double start = lo - 3 * width;
    double step = (hi - lo + 6 * width) / (gridPoints - 1);
    double[] grid = new double[gridPoints];
    double[] density = new double[gridPoints];
    double norm = 1 / (probes * width * Math.sqrt(2 * Math.PI));
    for (int g = 0; g < gridPoints; g++) {
      grid[g] = start + g * step;
      double s = 0;
      for (int p = 0; p < probes; p++) {
        for (int k = 0; k < nodes[p].length; k++) {
          double d = (grid[g] - nodes[p][k]) / width;
          s += weights[p][k] * Math.exp(-0.5 * d * d);
        }
      }
      density[g] = s * norm;
    }
    double traceEstimate = 0;
    for (int p = 0; p < probes; p++) {
      for (int k = 0; k < nodes[p].length; k++) {
        traceEstimate += weights[p][k] * nodes[p][k];
      }
    }
    return new Result(grid, density, width, n * traceEstimate / probes, nodes, weights);
  }

  /** 1% of the Ritz range; 10⁻³·max(1, |λ|) when all nodes coincide (a multiple of I). */
  private static double defaultWidth(double lo, double hi) {
    double range = hi - lo;
    return range > 0 ? 0.01 * range : 1e-3 * Math.max(1, Math.abs(hi));
  }

  /**
   * A smoothed spectral density.
   *
   * @param grid the points t
   * @param density {@code φ_σ(t)} at the grid points (integrates to about 1)
   * @param sigma the Gaussian width used
   * @param traceEstimate {@code n · mean(Σₖ τₖ θₖ)}, an estimate of {@code tr A}
   * @param nodes the Ritz values θ of each probe
   * @param weights the quadrature weights τ of each probe (each row sums to 1)
   */
  public record Result(
      double[] grid,
      double[] density,
      double sigma,
      double traceEstimate,
      double[][] nodes,
      double[][] weights) {

    /**
     * The estimated fraction of eigenvalues below t, from the quadrature itself (no broadening):
     * {@code mean over probes of Σ_{θₖ < t} τₖ}. Below 0 it estimates the index of a Hessian, the
     * share of descent directions of lecture 004.
     */
    public double fractionBelow(double t) {
      double s = 0;
      for (int p = 0; p < nodes.length; p++) {
        for (int k = 0; k < nodes[p].length; k++) {
          if (nodes[p][k] < t) {
            s += weights[p][k];
          }
        }
      }
      return s / nodes.length;
    }
  }
}
