package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.square;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 001 (Gilbert Strang, <i>Teaching about learning</i>): backpropagation of x²(x+y), the
 * linear pieces of a ReLU layer, descent methods, Kaczmarz, randomized multiplication, alternating
 * least squares and the ℓ¹/ℓ²/ℓ^∞ minimisers — each printed with its checked claim.
 */
final class StrangLecture implements Example {
  @Override
  public String name() {
    return "strang";
  }

  @Override
  public String summary() {
    return "backprop of x²(x+y), ReLU pieces r(N,m), SGD, Kaczmarz, randomized AB, ALS (lecture 001)";
  }

  @Override
  public void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception {
    options.requireOnly(name(), Set.of("out", "quick", "seed"));
    boolean quick = options.has("quick");
    long seed = options.getInt("seed", 1);
    backprop(out, claims);
    reluPieces(out, claims, seed);
    descent(out, claims, outDir, quick, seed);
    kaczmarz(out, claims, outDir, quick, seed);
    randomizedMultiply(out, claims, outDir, quick, seed);
    alternatingLeastSquares(out, claims, outDir, seed);
    normMinimisers(out, claims);
  }

  private static void backprop(PrintStream out, Claims claims) {
    out.println("-- backpropagation of F = x²(x+y) at x = 2, y = 3");
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var y = tape.variable("y", 3);
      Var f = mul(square(x), add(x, y)).named("F");
      Gradients g = tape.grad(f, x, y);
      out.printf(
          Locale.ROOT,
          "   F = %s, ∂F/∂x = %s, ∂F/∂y = %s%n",
          num(f.item()),
          num(g.of(x).item()),
          num(g.of(y).item()));
      claims.check(
          f.item() == 20 && g.of(x).item() == 24 && g.of(y).item() == 4,
          "one reverse sweep gives F = 20, ∂F/∂x = 3x²+2xy = 24, ∂F/∂y = x² = 4");
    }
  }

  private static void reluPieces(PrintStream out, Claims claims, long seed) {
    out.println(
        "-- linear pieces of a random ReLU layer with N neurons on ℝ^m vs r(N, m) = Σ C(N, i)");
    out.println("   m   N   measured   r(N, m)");
    boolean all = true;
    int[][] cases = {{2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 6}, {2, 8}, {2, 12}, {3, 5}, {3, 8}};
    for (int[] c : cases) {
      int measured = ReluRegions.measure(c[1], c[0], seed + c[1]);
      long r = ReluRegions.formula(c[1], c[0]);
      out.printf(Locale.ROOT, "   %d  %2d   %8d   %7d%n", c[0], c[1], measured, r);
      all &= measured == r;
    }
    claims.check(
        all,
        "the measured pieces equal r(N, m) (N = 3 folds of the plane: 7; Polya's cake r(5, 3) = 26)");
  }

  private static void descent(PrintStream out, Claims claims, Path dir, boolean quick, long seed)
      throws Exception {
    out.println("-- least squares ½‖Ax − b‖²/n (n = 200, 20 unknowns): GD, momentum, SGD");
    LeastSquaresDescent p = new LeastSquaresDescent(200, 20, seed);
    double lip = p.lipschitz();
    double best = p.optimum();
    int iters = quick ? 100 : 300;
    double[] gd = p.gradientDescent(1 / lip, 0, iters);
    double[] heavy = p.gradientDescent(1 / lip, 0.9, iters);
    double[] sgd = p.stochastic(0.5 / lip, quick ? 10 : 30, seed + 7);
    out.printf(
        Locale.ROOT,
        "   optimum %.6f; after %d steps: GD %.6f, momentum %.6f%n",
        best,
        iters,
        gd[iters],
        heavy[iters]);
    out.printf(
        Locale.ROOT,
        "   after 1 pass over the data: SGD %.6f (GD after its first step %.6f)%n",
        sgd[1],
        gd[1]);
    claims.check(
        heavy[iters] - best < (gd[iters] - best) / 10,
        "momentum closes the gap to the optimum at least 10× more than plain GD in the same steps");
    claims.check(
        sgd[1] < gd[1], "SGD starts well: one pass over the data beats one full-gradient step");
    LineChart chart =
        new LineChart("Least squares: loss − optimum", "iteration (SGD: pass)", "gap").logY();
    chart.series("GD", range(gd.length), gap(gd, best));
    chart.series("momentum β = 0.9", range(heavy.length), gap(heavy, best));
    chart.series("SGD (per pass)", range(sgd.length), gap(sgd, best));
    out.println("   wrote " + chart.save(dir.resolve("strang-descent.png")));
  }

  private static void kaczmarz(PrintStream out, Claims claims, Path dir, boolean quick, long seed)
      throws Exception {
    out.println("-- randomized Kaczmarz with norm-squared row sampling (300 × 30, consistent)");
    Kaczmarz k = new Kaczmarz(300, 30, seed);
    int steps = quick ? 1000 : 1500;
    double[] mse = k.meanSquaredError(steps, quick ? 20 : 50, seed + 3);
    double rate = k.rate();
    double[] bound = new double[mse.length];
    boolean below = true;
    for (int s = 0; s < mse.length; s++) {
      bound[s] = Math.pow(rate, s) * mse[0];
      below &= mse[s] <= bound[s] * 1.05;
    }
    out.printf(
        Locale.ROOT,
        "   E‖x_k − x*‖²: %.3g at k = 0, %.3g at k = %d; bound (1 − σ²_min/‖A‖²_F)^k = %.3g%n",
        mse[0],
        mse[steps],
        steps,
        bound[steps]);
    claims.check(below, "the mean squared error stays below the Strohmer–Vershynin bound");
    claims.check(mse[steps] < 1e-3 * mse[0], "and falls by more than 1000×");
    LineChart chart = new LineChart("Randomized Kaczmarz", "step", "E‖x_k − x*‖²").logY();
    chart.series("measured (mean of runs)", range(mse.length), mse);
    chart.series("bound (1 − σ²min/‖A‖²F)^k", range(bound.length), bound);
    out.println("   wrote " + chart.save(dir.resolve("strang-kaczmarz.png")));
  }

  private static void randomizedMultiply(
      PrintStream out, Claims claims, Path dir, boolean quick, long seed) throws Exception {
    out.println("-- randomized AB by column/row sampling (40 × 500 · 500 × 30)");
    RandomizedMultiply rm = new RandomizedMultiply(40, 500, 30, seed);
    int[] samples = {10, 20, 50, 100, 200, 400};
    int trials = quick ? 60 : 200;
    double[] measured = new double[samples.length];
    double[] theory = new double[samples.length];
    double[] uniform = new double[samples.length];
    double[] xs = new double[samples.length];
    boolean matches = true;
    boolean better = true;
    out.println("   samples   E‖AB − est‖² measured   theory   uniform sampling");
    for (int i = 0; i < samples.length; i++) {
      xs[i] = samples[i];
      measured[i] = rm.measuredMse(samples[i], trials, true, seed + i);
      theory[i] = rm.theoreticalMse(samples[i]);
      uniform[i] = rm.measuredMse(samples[i], trials, false, seed + 100 + i);
      out.printf(
          Locale.ROOT,
          "   %7d   %22.4g   %.4g   %.4g%n",
          samples[i],
          measured[i],
          theory[i],
          uniform[i]);
      matches &= Math.abs(measured[i] / theory[i] - 1) < 0.3;
      better &= measured[i] < uniform[i];
    }
    claims.check(
        matches, "norm-squared sampling's error matches ((Σ‖aᵢ‖‖bᵢ‖)² − ‖AB‖²)/s within 30%");
    claims.check(better, "norm-squared sampling beats uniform sampling at every sample size");
    LineChart chart =
        new LineChart("Randomized AB", "samples s (log)", "mean squared error").logY().logX();
    chart.series("norm-squared (measured)", xs, measured);
    chart.series("norm-squared (theory)", xs, theory);
    chart.series("uniform (measured)", xs, uniform);
    out.println("   wrote " + chart.save(dir.resolve("strang-randomized-ab.png")));
  }

  private static void alternatingLeastSquares(PrintStream out, Claims claims, Path dir, long seed)
      throws Exception {
    out.println("-- alternating least squares for A ≈ CRᵀ (60 × 40, rank 5)");
    Tensor a = lowRankPlusNoise(60, 40, 5, seed);
    double[] err = AlternatingLeastSquares.run(a, 5, 50, seed + 1);
    double opt = AlternatingLeastSquares.optimum(a, 5);
    boolean monotone = true;
    for (int i = 1; i < err.length; i++) {
      monotone &= err[i] <= err[i - 1] * (1 + 1e-12);
    }
    out.printf(
        Locale.ROOT,
        "   ‖A − CRᵀ‖_F: %.6f after 1 sweep, %.9f after %d; Eckart–Young optimum %.9f%n",
        err[0],
        err[err.length - 1],
        err.length,
        opt);
    claims.check(monotone, "the ALS error never increases");
    claims.check(
        Math.abs(err[err.length - 1] - opt) < 1e-6 * opt,
        "and reaches the Eckart–Young optimum √(Σ_{i>k} σᵢ²)");
    LineChart chart =
        new LineChart("Alternating least squares", "sweep", "‖A − CRᵀ‖F − optimum").logY();
    double[] gapv = new double[err.length];
    for (int i = 0; i < err.length; i++) {
      gapv[i] = Math.max(err[i] - opt, 1e-16);
    }
    chart.series("ALS", range(err.length), gapv);
    out.println("   wrote " + chart.save(dir.resolve("strang-als.png")));
  }

  private static void normMinimisers(PrintStream out, Claims claims) {
    out.println("-- minimise ‖v‖_p on the line 3v₁ + 4v₂ = 1");
    double[] l1 = NormMinimisers.minimise(3, 4, 1);
    double[] l2 = NormMinimisers.minimise(3, 4, 2);
    double[] linf = NormMinimisers.minimise(3, 4, Double.POSITIVE_INFINITY);
    // (+ 0.0 turns a printed -0.000000 into 0.000000)
    out.printf(
        Locale.ROOT,
        "   ℓ¹: (%.6f, %.6f)   ℓ²: (%.6f, %.6f)   ℓ∞: (%.6f, %.6f)%n",
        l1[0] + 0.0,
        l1[1] + 0.0,
        l2[0] + 0.0,
        l2[1] + 0.0,
        linf[0] + 0.0,
        linf[1] + 0.0);
    claims.check(close(l1, 0, 0.25), "the ℓ¹ minimiser is the sparse (0, 1/4)");
    claims.check(close(l2, 3 / 25.0, 4 / 25.0), "the ℓ² minimiser is (3/25, 4/25)");
    claims.check(close(linf, 1 / 7.0, 1 / 7.0), "the ℓ∞ minimiser is (1/7, 1/7)");
  }

  private static Tensor lowRankPlusNoise(int m, int n, int rank, long seed) {
    Var c = Var.constant(Tensor.randn(Shape.of(m, rank), seed));
    Var r = Var.constant(Tensor.randn(Shape.of(n, rank), seed + 1));
    Var noise = Var.constant(Tensor.randn(Shape.of(m, n), seed + 2));
    return org.vecgrad.autodiff.Ops.add(
            org.vecgrad.autodiff.Ops.matmul(c, r, false, true),
            org.vecgrad.autodiff.Ops.scale(noise, 0.05))
        .value();
  }

  private static boolean close(double[] v, double x, double y) {
    return Math.abs(v[0] - x) < 1e-6 && Math.abs(v[1] - y) < 1e-6;
  }

  private static double[] range(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  private static double[] gap(double[] losses, double best) {
    double[] g = new double[losses.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.max(losses[i] - best, 1e-16);
    }
    return g;
  }

  private static String num(double v) {
    return org.vecgrad.tensor.TensorFormat.number(v);
  }
}
