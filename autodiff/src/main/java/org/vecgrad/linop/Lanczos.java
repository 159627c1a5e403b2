package org.vecgrad.linop;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lanczos tridiagonalisation of a symmetric operator with full reorthogonalisation: m products with
 * A build an orthonormal basis {@code Q = [q₁ … q_m]} of the Krylov space {@code span{q₁, A q₁, …}}
 * and the tridiagonal {@code T = QᵀAQ} (diagonal α, off-diagonal β). The eigenvalues of T (Ritz
 * values, from EJML's symmetric QR) approximate the extreme eigenvalues of A first; with {@code m =
 * n} they are all of them.
 *
 * <p>Every new vector is orthogonalised twice against all previous ones (classical Gram-Schmidt,
 * "twice is enough"), which costs {@code O(m² n)} but prevents the ghost copies of converged
 * eigenvalues that plain Lanczos produces in floating point. If β vanishes the Krylov space is
 * invariant and the run stops early ({@link Result#invariant()}).
 *
 * <p>The squared first components of T's eigenvectors are Gauss quadrature weights for the spectral
 * measure of A seen from {@code q₁}: {@code q₁ᵀ f(A) q₁ ≈ Σₖ τₖ f(θₖ)} (used by {@link
 * SpectralDensity}).
 */
public final class Lanczos {
  private int steps = 30;
  private long seed = 1;

  /** 30 steps, seed 1. */
  public Lanczos() {}

  /** Sets the number of steps m (capped at the dimension). */
  public Lanczos steps(int m) {
    Solvers.requirePositive("Lanczos.steps", "m", m);
    this.steps = m;
    return this;
  }

  /** Seeds the random start vector used by {@link #run(LinearOperator)}. */
  public Lanczos seed(long s) {
    this.seed = s;
    return this;
  }

  /**
   * Runs from a seeded Gaussian start vector.
   *
   * @throws IllegalArgumentException if A is not square
   */
  public Result run(LinearOperator a) {
    Shape shape = Solvers.requireSquare("Lanczos.run", a);
    return run(a, Tensor.wrap(shape, Solvers.gaussian(shape.size(), new SplittableRandom(seed))));
  }

  /**
   * Runs from the given start vector (normalised here).
   *
   * @throws IllegalArgumentException if A is not square, or start is of the wrong shape or zero
   */
  public Result run(LinearOperator a, Tensor start) {
    Shape shape = Solvers.requireSquare("Lanczos.run", a);
    OperatorArgs.require("Lanczos.run start", shape, start);
    int n = shape.size();
    int m = Math.min(steps, n);
    double[][] q = new double[m][];
    double[] alpha = new double[m];
    double[] beta = new double[m];
    double[] v = start.toDoubleArray();
    double norm = Vectors.norm(v);
    if (!(norm > 0) || Double.isInfinite(norm)) {
      throw new IllegalArgumentException("Lanczos.run: start vector has norm " + norm);
    }
    for (int i = 0; i < n; i++) {
      v[i] /= norm;
    }
    int done = 0;
    boolean invariant = false;
    double scale = 0;
    for (int j = 0; j < m; j++) {
      q[j] = v;
      double[] w = a.apply(Tensor.of(shape, v)).toDoubleArray();
      alpha[j] = Vectors.dot(v, w);
      Vectors.axpyInPlace(-alpha[j], v, w);
      if (j > 0) {
        Vectors.axpyInPlace(-beta[j - 1], q[j - 1], w);
      }
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i <= j; i++) {
          Vectors.axpyInPlace(-Vectors.dot(q[i], w), q[i], w);
        }
      }
      beta[j] = Vectors.norm(w);
      done = j + 1;
      scale = Math.max(scale, Math.abs(alpha[j]) + beta[j] + (j > 0 ? beta[j - 1] : 0));
      if (j + 1 < m && beta[j] <= 1e-12 * scale) {
        invariant = true;
        break;
      }
      for (int i = 0; i < n; i++) {
        w[i] /= beta[j];
      }
      v = w;
    }
    double[] t = new double[done * done];
    for (int j = 0; j < done; j++) {
      t[j * done + j] = alpha[j];
      if (j + 1 < done) {
        t[j * done + j + 1] = beta[j];
        t[(j + 1) * done + j] = beta[j];
      }
    }
    SymmetricEigen eig = SymmetricEigen.of(done, t);
    double[] weights = new double[done];
    for (int k = 0; k < done; k++) {
      weights[k] = eig.vectors()[k][0] * eig.vectors()[k][0];
    }
    return new Result(
        Arrays.copyOf(alpha, done),
        Arrays.copyOf(beta, Math.max(0, done - 1)),
        eig.values(),
        weights,
        done,
        invariant);
  }

  /**
   * The outcome of a Lanczos run.
   *
   * @param alphas diagonal of T
   * @param betas off-diagonal of T (one fewer)
   * @param ritzValues eigenvalues of T, largest first
   * @param weights squared first components of T's eigenvectors, in the order of ritzValues (they
   *     sum to 1)
   * @param steps the number of Lanczos vectors built
   * @param invariant true when an invariant subspace stopped the run early (the Ritz values are
   *     then exact eigenvalues)
   */
  public record Result(
      double[] alphas,
      double[] betas,
      double[] ritzValues,
      double[] weights,
      int steps,
      boolean invariant) {

    /** The k largest Ritz values (fewer if fewer steps were taken). */
    public double[] top(int k) {
      return Arrays.copyOf(ritzValues, Math.min(k, ritzValues.length));
    }
  }
}
