package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.squaredError;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 003: gradient descent on a deep matrix factorisation {@code W = W_N⋯W_1} with loss {@code
 * ½‖W − Ŵ‖²_F}, from the identical initialisation {@code W_j = αI} and from the perturbed one
 * {@code W_1 = (α−β)I}, with gradients from the tape.
 *
 * <p>For a symmetric {@code Ŵ = VΛVᵀ}, every {@code Vᵀ W_j V} stays diagonal and each eigenvalue
 * direction follows its own scalar dynamics (eq. 7); the identical start recovers only the positive
 * eigenvalues, the perturbed start recovers all, and the larger eigenvalues come first, which is
 * the implicit bias towards low rank.
 */
final class DeepMatrixFactorisation implements Example {
  /** The ground-truth spectrum of the lecture's example. */
  static final double[] LAMBDA = {10, 7, 5, -5};

  /** The 4×4 matrix printed in the slides (its spectrum is not LAMBDA: see the run). */
  static final double[][] PRINTED = {
    {7 / 3.0, 10 / 3.0, -4, 2 / 3.0},
    {10 / 3.0, 10 / 3.0, 5, 5 / 3.0},
    {-4, 5, 4, 1},
    {2 / 3.0, 5 / 3.0, 1, -5}
  };

  @Override
  public String name() {
    return "deep-mf";
  }

  @Override
  public String summary() {
    return "deep matrix factorisation: GD dynamics, eigenvalue recovery, effective rank (lecture 003)";
  }

  /** The trajectory of one gradient-descent run. */
  static final class Trajectory {
    final double[][] eig; // [step][i]: the diagonal of Vᵀ W V
    final double[] effectiveRank;
    final double maxOffDiagonal;

    Trajectory(double[][] eig, double[] effectiveRank, double maxOffDiagonal) {
      this.eig = eig;
      this.effectiveRank = effectiveRank;
      this.maxOffDiagonal = maxOffDiagonal;
    }

    /** First step at which direction i is within {@code tol} of {@code value}, or -1. */
    int stepsTo(int i, double value, double tol) {
      for (int k = 0; k < eig.length; k++) {
        if (Math.abs(eig[k][i] - value) <= tol) {
          return k;
        }
      }
      return -1;
    }

    double[] last() {
      return eig[eig.length - 1];
    }
  }

  /** Step bound (8) for the identical initialisation: 1/((3N−2)M^(2N−2)). */
  static double identicalBound(int depth, double alpha, double normW) {
    double m = Math.max(alpha, Math.pow(normW, 1.0 / depth));
    return 1 / ((3 * depth - 2) * Math.pow(m, 2 * depth - 2));
  }

  /** Step bound (10) for the perturbed initialisation: 1/(9N(cM)^(2N−2)), (c−1)c^(N−1) = 1. */
  static double perturbedBound(int depth, double alpha, double normW) {
    double lo = 1;
    double hi = 2;
    for (int it = 0; it < 200; it++) {
      double c = (lo + hi) / 2;
      if ((c - 1) * Math.pow(c, depth - 1) < 1) {
        lo = c;
      } else {
        hi = c;
      }
    }
    double c = (lo + hi) / 2;
    double m = Math.max(alpha, Math.pow(normW, 1.0 / depth));
    return 1 / (9 * depth * Math.pow(c * m, 2 * depth - 2));
  }

  /** Runs GD with tape gradients; records the rotated diagonal and the effective rank. */
  static Trajectory descend(
      Tensor target, Tensor v, int depth, double alpha, double beta, double eta, int steps) {
    int n = target.shape().dim(0);
    Tensor[] w = new Tensor[depth];
    for (int j = 0; j < depth; j++) {
      w[j] = scaled(Tensor.eye(n), j == 0 ? alpha - beta : alpha);
    }
    double[][] eig = new double[steps + 1][];
    double[] rank = new double[steps + 1];
    double offDiag = 0;
    for (int k = 0; k <= steps; k++) {
      try (Tape tape = new Tape()) {
        Var[] vars = new Var[depth];
        for (int j = 0; j < depth; j++) {
          vars[j] = tape.variable("W" + (j + 1), w[j]);
        }
        Var product = product(vars);
        Tensor rotated = Linalg.rotate(product.value(), v);
        eig[k] = new double[n];
        for (int i = 0; i < n; i++) {
          eig[k][i] = rotated.get(i, i);
          for (int l = 0; l < n; l++) {
            if (l != i) {
              offDiag = Math.max(offDiag, Math.abs(rotated.get(i, l)));
            }
          }
        }
        rank[k] = effectiveRank(product.value());
        if (k == steps) {
          break;
        }
        Gradients g = tape.grad(squaredError(product, Var.constant(target)), vars);
        for (int j = 0; j < depth; j++) {
          w[j] = axpy(-eta, g.of(vars[j]), w[j]);
        }
      }
    }
    return new Trajectory(eig, rank, offDiag);
  }

  /** {@code W_N ⋯ W_1}. */
  static Var product(Var[] w) {
    Var p = w[w.length - 1];
    for (int j = w.length - 2; j >= 0; j--) {
      p = matmul(p, w[j]);
    }
    return p;
  }

  /** {@code ‖W‖_* / ‖W‖₂}: between 1 and the rank. */
  static double effectiveRank(Tensor w) {
    double[] s = Linalg.singularValues(w);
    double sum = 0;
    for (double x : s) {
      sum += x;
    }
    return s[0] == 0 ? 0 : sum / s[0];
  }

  private static Tensor scaled(Tensor t, double c) {
    return Ops.scale(Var.constant(t), c).value();
  }

  private static Tensor axpy(double a, Tensor x, Tensor y) {
    return Ops.add(Ops.scale(Var.constant(x), a), Var.constant(y)).value();
  }

  @Override
  public void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception {
    options.requireOnly(name(), java.util.Set.of("out", "quick", "seed"));
    boolean quick = options.has("quick");
    SplittableRandom rng = new SplittableRandom(options.getInt("seed", 3));
    int depth = 3;
    double alpha = 0.1;
    double beta = 0.05;

    out.println("-- the matrix printed in the slides");
    double[] printedSpectrum = Linalg.symmetricEigenvalues(Tensor.of(PRINTED));
    out.println("   its eigenvalues: " + fmt(printedSpectrum) + " (the slides state 10, 7, 5, -5)");
    claims.check(
        Math.abs(printedSpectrum[0] - 10) > 0.5 && Math.abs(printedSpectrum[1] - 7) > 0.5,
        "the printed matrix does not have the stated spectrum (10, 7, 5, -5)");

    Tensor v = Linalg.randomOrthogonal(4, rng);
    Tensor target = Linalg.fromEigen(v, LAMBDA);
    out.println(
        "-- main case: Ŵ = VΛVᵀ, Λ = diag(10, 7, 5, -5), V a seeded random orthogonal matrix");

    checkEquationFour(target, depth, alpha, claims);

    double etaId = 0.9 * identicalBound(depth, alpha, 10);
    int stepsId = quick ? 600 : 1500;
    out.printf(
        Locale.ROOT,
        "   identical start W_j = %.2f·I, N = %d, η = %.3g (0.9 × bound (8))%n",
        alpha,
        depth,
        etaId);
    Trajectory id = descend(target, v, depth, alpha, 0, etaId, stepsId);
    out.println("   after " + stepsId + " steps: diag(Vᵀ W V) = " + fmt(id.last()));
    claims.check(
        close(id.last(), new double[] {10, 7, 5, 0}, 1e-3),
        "identical start recovers the positive eigenvalues and leaves -5 at 0");
    claims.check(
        id.maxOffDiagonal < 1e-9,
        String.format(
            Locale.ROOT,
            "Vᵀ W V stays diagonal along the way (max off-diagonal %.1e)",
            id.maxOffDiagonal));

    double etaP = 0.9 * perturbedBound(depth, alpha, 10);
    int stepsP = quick ? 20_000 : 25_000;
    out.printf(
        Locale.ROOT,
        "   perturbed start W_1 = %.2f·I, β = %.2f, η = %.3g (0.9 × bound (10))%n",
        alpha - beta,
        beta,
        etaP);
    Trajectory pert = descend(target, v, depth, alpha, beta, etaP, stepsP);
    out.println("   after " + stepsP + " steps: diag(Vᵀ W V) = " + fmt(pert.last()));
    claims.check(close(pert.last(), LAMBDA, 0.05), "perturbed start recovers all four eigenvalues");
    int fiveReached = pert.stepsTo(2, 5, 0.25);
    double negAtThatStep = fiveReached < 0 ? Double.NaN : pert.eig[fiveReached][3];
    claims.check(
        fiveReached > 0 && Math.abs(negAtThatStep) <= beta,
        String.format(
            Locale.ROOT,
            "the -5 direction waits near 0 (|d| = %.3g ≤ β at step %d, when 5 is reached)",
            Math.abs(negAtThatStep),
            fiveReached));
    int[] order = {pert.stepsTo(0, 10, 0.5), pert.stepsTo(1, 7, 0.35), fiveReached};
    claims.check(
        order[0] > 0 && order[0] < order[1] && order[1] < order[2],
        "larger eigenvalues are learned first: steps to 95% of 10, 7, 5 = "
            + order[0]
            + ", "
            + order[1]
            + ", "
            + order[2]);

    double minRank = Double.POSITIVE_INFINITY;
    int argMin = 0;
    for (int k = 0; k < pert.effectiveRank.length; k++) {
      if (pert.effectiveRank[k] < minRank) {
        minRank = pert.effectiveRank[k];
        argMin = k;
      }
    }
    double finalRank = pert.effectiveRank[pert.effectiveRank.length - 1];
    out.printf(
        Locale.ROOT,
        "   effective rank ‖W‖*/‖W‖₂: starts at %.2f, falls to %.3f at step %d, ends at %.3f%n",
        pert.effectiveRank[0],
        minRank,
        argMin,
        finalRank);
    claims.check(minRank < 1.1, "the effective rank drops towards 1 (min " + fmt(minRank) + ")");
    claims.check(
        Math.abs(finalRank - 2.7) < 0.02,
        "then rises in plateaus to ‖Λ‖*/‖Λ‖₂ = 27/10 (ends at " + fmt(finalRank) + ")");

    out.println("-- depth N = 2, 3, 4 (identical start, η = 0.9 × bound (8) for each N)");
    out.println("   N      η        steps to 95% of 10    of 7    of 5");
    LineChart depthChart =
        new LineChart(
                "Deep MF: the eigenvalue-5 direction by depth", "step + 1 (log)", "d₃ (target 5)")
            .logX();
    boolean allOrdered = true;
    for (int n = 2; n <= 4; n++) {
      double eta = 0.9 * identicalBound(n, alpha, 10);
      int steps = n == 2 ? 200 : n == 3 ? 1500 : (quick ? 6000 : 9000);
      Trajectory t = descend(target, v, n, alpha, 0, eta, steps);
      int a = t.stepsTo(0, 10, 0.5);
      int b = t.stepsTo(1, 7, 0.35);
      int c = t.stepsTo(2, 5, 0.25);
      out.printf(Locale.ROOT, "   %d   %.3g   %18d  %7d  %6d%n", n, eta, a, b, c);
      allOrdered &= a > 0 && a < b && b < c;
      depthChart.series("N = " + n, steps(t.eig.length), column(t.eig, 2));
    }
    claims.check(allOrdered, "at every depth the dominant eigenvalue is recovered first");

    out.println("-- second case: the printed matrix, identical start");
    Tensor printed = Tensor.of(PRINTED);
    Tensor vPrinted = eigenvectors(printed);
    double normP = Math.max(Math.abs(printedSpectrum[0]), Math.abs(printedSpectrum[3]));
    Trajectory pr =
        descend(
            printed, vPrinted, depth, alpha, 0, 0.9 * identicalBound(depth, alpha, normP), 2000);
    double[] expect = new double[4];
    double[] rotatedSpectrum = Linalg.symmetricEigenvalues(Linalg.rotate(printed, vPrinted));
    for (int i = 0; i < 4; i++) {
      expect[i] = Math.max(0, Linalg.rotate(printed, vPrinted).get(i, i));
    }
    out.println("   eigenvalues " + fmt(rotatedSpectrum) + "; recovered " + fmt(pr.last()));
    claims.check(
        close(pr.last(), expect, 1e-3),
        "the printed matrix: positive eigenvalues recovered, negative ones left at 0");

    LineChart eigChart =
        new LineChart("Deep MF (N = 3, perturbed start): diag(VᵀWV)", "step + 1", "eigenvalue");
    String[] names = {"λ = 10", "λ = 7", "λ = 5", "λ = -5"};
    for (int i = 0; i < 4; i++) {
      eigChart.series(names[i], steps(pert.eig.length), column(pert.eig, i));
    }
    LineChart rankChart =
        new LineChart(
                "Deep MF (N = 3): effective rank ‖W‖*/‖W‖₂", "step + 1 (log)", "effective rank")
            .logX();
    rankChart.series("perturbed start", steps(pert.effectiveRank.length), pert.effectiveRank);
    rankChart.series("identical start", steps(id.effectiveRank.length), id.effectiveRank);
    out.println("   wrote " + eigChart.save(outDir.resolve("deep-mf-eigenvalues.png")));
    out.println("   wrote " + rankChart.save(outDir.resolve("deep-mf-effective-rank.png")));
    out.println("   wrote " + depthChart.save(outDir.resolve("deep-mf-depths.png")));
  }

  /** Checks the tape's gradient against the lecture's eq. (4) at a random point. */
  private static void checkEquationFour(Tensor target, int depth, double alpha, Claims claims) {
    SplittableRandom r = new SplittableRandom(17);
    try (Tape tape = new Tape()) {
      Var[] w = new Var[depth];
      for (int j = 0; j < depth; j++) {
        w[j] = tape.variable("W" + (j + 1), Tensor.randn(target.shape(), r));
      }
      Var p = product(w);
      Gradients g = tape.grad(squaredError(p, Var.constant(target)), w);
      double worst = 0;
      try (Tape.Pause pause = tape.pause()) {
        Var residual = Ops.sub(p, Var.constant(target));
        for (int j = 0; j < depth; j++) {
          Var left = null; // (W_N ⋯ W_{j+1})ᵀ
          for (int i = depth - 1; i > j; i--) {
            left = left == null ? w[i] : matmul(left, w[i]);
          }
          Var right = null; // (W_{j−1} ⋯ W_1)ᵀ
          for (int i = j - 1; i >= 0; i--) {
            right = right == null ? w[i] : matmul(right, w[i]);
          }
          Var formula = residual;
          if (left != null) {
            formula = matmul(left, formula, true, false);
          }
          if (right != null) {
            formula = matmul(formula, right, false, true);
          }
          worst = Math.max(worst, g.of(w[j]).maxAbsDiff(formula.value()));
        }
      }
      claims.check(
          worst < 1e-10,
          String.format(
              Locale.ROOT,
              "tape gradients equal eq. (4) (W_N⋯W_{j+1})ᵀ(W − Ŵ)(W_{j−1}⋯W_1)ᵀ (max diff %.1e)",
              worst));
    }
  }

  private static Tensor eigenvectors(Tensor sym) {
    org.ejml.data.DMatrixRMaj m = Linalg.toEjml(sym);
    var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(4, true, true);
    eig.decompose(m);
    double[] v = new double[16];
    for (int j = 0; j < 4; j++) {
      org.ejml.data.DMatrixRMaj col = eig.getEigenVector(j);
      for (int i = 0; i < 4; i++) {
        v[i * 4 + j] = col.get(i, 0);
      }
    }
    return Tensor.of(org.vecgrad.tensor.Shape.of(4, 4), v);
  }

  private static boolean close(double[] a, double[] b, double tol) {
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])))) {
        return false;
      }
    }
    return true;
  }

  /** 1, 2, …, n: step numbers shifted by one so that a log axis can show step 0. */
  private static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  private static double[] column(double[][] m, int j) {
    double[] c = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i][j];
    }
    return c;
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(fmt(v[i]));
    }
    return sb.append(")").toString();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
