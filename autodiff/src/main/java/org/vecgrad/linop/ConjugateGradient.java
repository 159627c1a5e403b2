package org.vecgrad.linop;

import java.util.Arrays;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Conjugate gradients for {@code (A + λI)·x = b} with A symmetric positive semi-definite and {@code
 * λ ≥ 0} (Levenberg-Marquardt damping): the Gauss-Newton step {@code (G + λI) s = −∇L} with G
 * applied matrix-free. Starting from {@code x₀ = 0}, each iteration costs one product with A and
 * minimises the A-norm of the error over a growing Krylov space; in exact arithmetic it terminates
 * within n iterations.
 *
 * <p>Stops when {@code ‖r‖ ≤ tolerance·‖b‖}, after {@code maxIterations}, or when a direction of
 * non-positive curvature {@code pᵀ(A + λI)p ≤ 0} appears (A was not positive definite, e.g. an
 * exact Hessian away from a minimum): the iterate so far is returned and flagged.
 *
 * <pre>{@code
 * ConjugateGradient.Result r = new ConjugateGradient().damping(1e-3).tolerance(1e-8).solve(G, rhs);
 * }</pre>
 */
public final class ConjugateGradient {
  private double damping;
  private double tolerance = 1e-10;
  private int maxIterations = -1;

  /** Default settings: no damping, relative tolerance 1e-10, at most n iterations. */
  public ConjugateGradient() {}

  /** Sets λ in {@code (A + λI)}; must be finite and ≥ 0. */
  public ConjugateGradient damping(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "ConjugateGradient.damping: λ = " + lambda + " must be ≥ 0");
    }
    this.damping = lambda;
    return this;
  }

  /** Sets the relative residual tolerance ({@code ‖r‖ ≤ tol·‖b‖}); must be &gt; 0. */
  public ConjugateGradient tolerance(double tol) {
    if (!(tol > 0)) {
      throw new IllegalArgumentException("ConjugateGradient.tolerance: " + tol + " must be > 0");
    }
    this.tolerance = tol;
    return this;
  }

  /** Sets the iteration limit (default: the dimension n); must be ≥ 1. */
  public ConjugateGradient maxIterations(int max) {
    if (max < 1) {
      throw new IllegalArgumentException(
          "ConjugateGradient.maxIterations: " + max + " must be ≥ 1");
    }
    this.maxIterations = max;
    return this;
  }

  /**
   * Solves {@code (A + λI)·x = b}.
   *
   * @throws IllegalArgumentException if A is not square or b is not of its shape
   */
  public Result solve(LinearOperator a, Tensor b) {
    Shape shape = Solvers.requireSquare("ConjugateGradient.solve", a);
    OperatorArgs.require("ConjugateGradient.solve b", shape, b);
    int n = shape.size();
    int limit = maxIterations > 0 ? maxIterations : n;
    double[] x = new double[n];
    double[] r = b.toDoubleArray();
    double[] p = r.clone();
    double bNorm = Vectors.norm(r);
    double rr = Vectors.dot(r, r);
    double[] history = new double[limit + 1];
    history[0] = Math.sqrt(rr);
    int k = 0;
    boolean negative = false;
    double target = tolerance * bNorm;
    while (k < limit && Math.sqrt(rr) > target) {
      double[] ap = a.apply(Tensor.of(shape, p)).readF64();
      double pap = Vectors.dot(p, ap) + damping * Vectors.dot(p, p);
      if (!(pap > 0)) {
        negative = true;
        break;
      }
      double alpha = rr / pap;
      Vectors.axpyInPlace(alpha, p, x);
      Vectors.axpyInPlace(-alpha, ap, r);
      Vectors.axpyInPlace(-alpha * damping, p, r);
      double rrNew = Vectors.dot(r, r);
      double beta = rrNew / rr;
      for (int i = 0; i < n; i++) {
        p[i] = r[i] + beta * p[i];
      }
      rr = rrNew;
      history[++k] = Math.sqrt(rr);
    }
    return new Result(
        Tensor.wrap(shape, x), k, Arrays.copyOf(history, k + 1), Math.sqrt(rr) <= target, negative);
  }

  /**
   * The outcome of a CG solve.
   *
   * @param x the final iterate
   * @param iterations products with A taken that advanced the iterate
   * @param residualNorms {@code ‖b − (A + λI)x_k‖} for k = 0 … iterations (recursively updated)
   * @param converged true when the relative tolerance was met
   * @param negativeCurvature true when a direction with {@code pᵀ(A + λI)p ≤ 0} stopped the solve
   */
  public record Result(
      Tensor x,
      int iterations,
      double[] residualNorms,
      boolean converged,
      boolean negativeCurvature) {}
}
