package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.tanh;

import java.io.PrintStream;
import java.util.Set;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.GaussNewtonOperator;
import org.vecgrad.linop.HessianOperator;
import org.vecgrad.linop.HutchinsonTrace;
import org.vecgrad.linop.JacobianOperator;
import org.vecgrad.linop.Lanczos;
import org.vecgrad.linop.LinearOperator;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.linop.SpectralDensity;
import org.vecgrad.linop.SymmetricEigen;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code ./vecgrad curvature}: the curvature of a small MLP's loss as operators (lectures 002 and
 * 004). For {@code y = tanh(X W1 + b1) W2 + b2} with softmax cross-entropy it builds the Jacobian
 * J, the Gauss-Newton matrix {@code G = Jᵀ H_L J} and the exact Hessian H on one tape, then checks
 * and prints adjoint, symmetry and semi-definiteness residuals, the top eigenvalues of H and G by
 * Lanczos against EJML's dense eigendecomposition, and Hutchinson's trace against the exact one.
 * Exit status 0 only when every check holds.
 */
final class CurvatureCommand implements Command {
  private static final double RESIDUAL_TOL = 1e-12;
  private static final double EIGEN_TOL = 1e-8;

  @Override
  public String name() {
    return "curvature";
  }

  @Override
  public String summary() {
    return "Gauss-Newton and exact Hessian of a small MLP as operators: checks, spectra, traces";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad curvature [--inputs 6] [--hidden 8] [--classes 3] [--batch 16]"
        + " [--seed 1] [--steps 40] [--probes 200]";
  }

  @Override
  public int run(Options options, PrintStream out) {
    options.requireOnly(
        name(), Set.of("inputs", "hidden", "classes", "batch", "seed", "steps", "probes"));
    int in = positive(options, "inputs", 6);
    int hidden = positive(options, "hidden", 8);
    int classes = positive(options, "classes", 3);
    int batch = positive(options, "batch", 16);
    long seed = options.getInt("seed", 1);
    int steps = positive(options, "steps", 40);
    int probes = positive(options, "probes", 200);
    SplittableRandom rng = new SplittableRandom(seed);
    LossCurvature ce = LossCurvature.softmaxCrossEntropy();
    try (Tape tape = new Tape()) {
      Var x = tape.constant("X", Tensor.randn(Shape.of(batch, in), rng));
      Var w1 = tape.variable("W1", scaled(Tensor.randn(Shape.of(in, hidden), rng), in));
      Var b1 = tape.variable("b1", scaled(Tensor.randn(Shape.of(1, hidden), rng), 100));
      Var w2 = tape.variable("W2", scaled(Tensor.randn(Shape.of(hidden, classes), rng), hidden));
      Var b2 = tape.variable("b2", scaled(Tensor.randn(Shape.of(1, classes), rng), 100));
      Var y = add(matmul(tanh(add(matmul(x, w1), b1)), w2), b2).named("y");
      Tensor target = oneHot(batch, classes, rng);
      Var loss = ce.record(y, tape.constant("T", target)).named("L");
      Var[] params = {w1, b1, w2, b2};

      JacobianOperator j = JacobianOperator.of(tape, y, params);
      JacobianOperator jLayer1 = JacobianOperator.of(tape, y, w1, b1);
      GaussNewtonOperator g = GaussNewtonOperator.of(tape, y, ce, target, params);
      HessianOperator h = HessianOperator.of(tape, loss, params);
      int n = g.domain().size();
      out.printf(
          "MLP %d-%d-%d (tanh), softmax cross-entropy, batch %d, seed %d: %d parameters, loss %s%n",
          in, hidden, classes, batch, seed, n, fmt(loss.item()));
      out.println("parameters packed as " + g.layout());
      out.println();

      boolean ok = true;
      out.println(
          "adjoint residuals |⟨u,Av⟩ − ⟨Aᵀu,v⟩| / (‖u‖‖Av‖ + ‖Aᵀu‖‖v‖)   (tolerance 1e-12)");
      String[] labels = {
        "J  = ∂y/∂(W1,b1,W2,b2)   forward / reverse sweep",
        "J₁ = ∂y/∂(W1,b1)         one layer's block",
        "G  = Jᵀ·H_L·J            Gauss-Newton (lecture 004's H₀)",
        "H  = ∇²L                 exact, reverse-over-reverse",
        "H − G                    lecture 004's H₁"
      };
      LinearOperator[] ops = {j, jLayer1, g, h, h.minus(g)};
      for (int k = 0; k < ops.length; k++) {
        ok &= report(out, "  " + labels[k], adjointResidual(ops[k], rng.nextLong()), RESIDUAL_TOL);
      }
      out.println("symmetry residuals |uᵀAv − vᵀAu| / (‖u‖‖Av‖ + ‖v‖‖Au‖)");
      ok &= report(out, "  G", symmetryResidual(g, rng.nextLong()), RESIDUAL_TOL);
      ok &= report(out, "  H", symmetryResidual(h, rng.nextLong()), RESIDUAL_TOL);

      Tensor gDense = g.toDense();
      Tensor hDense = h.toDense();
      SymmetricEigen gEig = SymmetricEigen.of(gDense);
      SymmetricEigen hEig = SymmetricEigen.of(hDense);
      out.println("positive semi-definiteness of G");
      double minRayleigh = Double.POSITIVE_INFINITY;
      for (int k = 0; k < 20; k++) {
        Tensor v = Tensor.randn(g.domain(), rng.nextLong());
        minRayleigh = Math.min(minRayleigh, dot(v, g.apply(v)) / dot(v, v));
      }
      double gMin = gEig.values()[n - 1];
      ok &= reportAtLeast(out, "  min vᵀGv/vᵀv over 20 random v", minRayleigh, 0);
      ok &= reportAtLeast(out, "  λ_min(G) / λ_max(G) (dense)", gMin / gEig.values()[0], -1e-12);
      out.printf(
          "  for contrast λ_min(H) = %s: the exact Hessian is indefinite here%n",
          fmt(hEig.values()[n - 1]));
      out.println();

      ok &= eigenTable(out, "H", h, hEig, steps, seed);
      ok &= eigenTable(out, "G", g, gEig, steps, seed);
      out.println();

      out.printf("Hutchinson trace (%d Rademacher probes) vs exact trace%n", probes);
      ok &= traceLine(out, "H", new HutchinsonTrace().probes(probes).seed(seed).estimate(h), hEig);
      ok &= traceLine(out, "G", new HutchinsonTrace().probes(probes).seed(seed).estimate(g), gEig);
      out.println();
      slqLine(out, h, hEig, steps, seed);
      out.println();
      out.println(ok ? "all checks passed" : "SOME CHECKS FAILED");
      return ok ? 0 : 1;
    }
  }

  private static boolean eigenTable(
      PrintStream out, String name, LinearOperator op, SymmetricEigen dense, int steps, long seed) {
    double[] top = dense.top(5);
    Lanczos.Result lz = new Lanczos().steps(steps).seed(seed).run(op);
    double[] ritz = lz.top(5);
    out.printf(
        "top-%d eigenvalues of %s: Lanczos (%d steps%s, full reorthogonalisation) vs dense (EJML)%n",
        top.length, name, lz.steps(), lz.invariant() ? ", invariant subspace reached" : "");
    boolean ok = ritz.length == top.length;
    double scale = Math.abs(top[0]);
    for (int k = 0; k < Math.min(top.length, ritz.length); k++) {
      double diff = Math.abs(ritz[k] - top[k]);
      boolean good = diff <= EIGEN_TOL * scale;
      ok &= good;
      out.printf(
          "  λ%d  %22s  %22s   |Δ| = %-10s %s%n",
          k + 1, fmt(ritz[k]), fmt(top[k]), fmt(diff), good ? "ok" : "MISMATCH");
    }
    return ok;
  }

  private static boolean traceLine(
      PrintStream out, String name, HutchinsonTrace.Result r, SymmetricEigen exact) {
    double tr = exact.trace();
    double z = Math.abs(r.trace() - tr) / r.standardError();
    boolean good = z <= 4;
    out.printf(
        "  tr %s ≈ %s ± %s   exact %s   (%.1f standard errors) %s%n",
        name, fmt(r.trace()), fmt(r.standardError()), fmt(tr), z, good ? "ok" : "MISMATCH");
    return good;
  }

  /**
   * Stochastic Lanczos quadrature on H, for information (a statistical estimate, not a check): the
   * share of negative eigenvalues, lecture 004's index of a critical point.
   */
  private static void slqLine(
      PrintStream out, LinearOperator h, SymmetricEigen exact, int steps, long seed) {
    int probes = 10;
    SpectralDensity.Result r =
        new SpectralDensity().probes(probes).steps(steps).seed(seed).estimate(h);
    int negative = 0;
    for (double l : exact.values()) {
      negative += l < 0 ? 1 : 0;
    }
    out.printf(
        "stochastic Lanczos quadrature (%d probes × %d steps), for information:%n"
            + "  share of negative eigenvalues of H ≈ %.2f   (dense %d/%d = %.2f); tr H ≈ %s%n",
        probes,
        steps,
        r.fractionBelow(0),
        negative,
        exact.values().length,
        negative / (double) exact.values().length,
        fmt(r.traceEstimate()));
  }

  /** Relative adjoint residual for seeded random u, v. */
  private static double adjointResidual(LinearOperator a, long seed) {
    Tensor v = Tensor.randn(a.domain(), seed);
    Tensor u = Tensor.randn(a.range(), seed + 1);
    Tensor av = a.apply(v);
    Tensor atu = a.applyAdjoint(u);
    double scale = u.norm() * av.norm() + atu.norm() * v.norm();
    return Math.abs(dot(u, av) - dot(atu, v)) / Math.max(scale, Double.MIN_NORMAL);
  }

  /** Relative symmetry residual {@code |uᵀAv − vᵀAu|} for seeded random u, v. */
  private static double symmetryResidual(LinearOperator a, long seed) {
    Tensor u = Tensor.randn(a.domain(), seed);
    Tensor v = Tensor.randn(a.domain(), seed + 1);
    Tensor av = a.apply(v);
    Tensor au = a.apply(u);
    double scale = u.norm() * av.norm() + v.norm() * au.norm();
    return Math.abs(dot(u, av) - dot(v, au)) / Math.max(scale, Double.MIN_NORMAL);
  }

  private static boolean report(PrintStream out, String what, double residual, double tol) {
    boolean good = residual <= tol;
    out.printf("%-62s %-12s %s%n", what, fmt(residual), good ? "ok" : "FAILED");
    return good;
  }

  private static boolean reportAtLeast(PrintStream out, String what, double value, double min) {
    boolean good = value >= min;
    out.printf("%-62s %-12s %s%n", what, fmt(value), good ? "ok" : "FAILED");
    return good;
  }

  private static double dot(Tensor a, Tensor b) {
    double[] x = a.readF64();
    double[] y = b.readF64();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  /** Entries divided by √fanIn (fanIn = 100 gives small biases). */
  private static Tensor scaled(Tensor t, int fanIn) {
    double[] d = t.toDoubleArray();
    for (int i = 0; i < d.length; i++) {
      d[i] /= Math.sqrt(fanIn);
    }
    return Tensor.wrap(t.shape(), d);
  }

  private static Tensor oneHot(int batch, int classes, SplittableRandom rng) {
    double[] t = new double[batch * classes];
    for (int i = 0; i < batch; i++) {
      t[i * classes + rng.nextInt(classes)] = 1;
    }
    return Tensor.wrap(Shape.of(batch, classes), t);
  }

  private static int positive(Options options, String key, int dflt) {
    int v = options.getInt(key, dflt);
    if (v < 1) {
      throw new IllegalArgumentException("--" + key + " must be ≥ 1, got " + v);
    }
    return v;
  }

  private static String fmt(double v) {
    return org.vecgrad.tensor.TensorFormat.number(v);
  }
}
