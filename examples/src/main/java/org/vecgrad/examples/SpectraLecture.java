package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.matmul;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 004 (random matrix theory and machine learning): how eigenvalues steer gradient descent,
 * the spectrum of random-feature gram matrices against Marchenko–Pastur, and the singular values of
 * deep networks' input-output Jacobians (tanh near-isometric, ReLU not).
 */
final class SpectraLecture implements Example {
  @Override
  public String name() {
    return "spectra";
  }

  @Override
  public String summary() {
    return "GD along eigendirections, Marchenko–Pastur, Jacobian singular values (lecture 004)";
  }

  @Override
  public void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception {
    options.requireOnly(name(), Set.of("out", "quick", "seed"));
    boolean quick = options.has("quick");
    long seed = options.getInt("seed", 4);
    eigendirections(out, claims, outDir, seed);
    gramSpectrum(out, claims, outDir, quick, seed);
    jacobianSingularValues(out, claims, outDir, quick, seed);
    hessianSpectrum(out, claims, outDir, quick, seed);
  }

  // ------------------------------------------------------------------ Hessian = H₀ + H₁

  /**
   * The loss Hessian of a small network split as {@code H = G + (H − G)}, lecture 004's {@code H₀ +
   * H₁}: the Gauss-Newton part is positive semi-definite, the rest makes H indefinite. Top
   * eigenvalues by Lanczos, densities by stochastic Lanczos quadrature, checked against dense
   * eigendecompositions (the network is small enough to form H column by column).
   */
  private static void hessianSpectrum(
      PrintStream out, Claims claims, Path dir, boolean quick, long seed) throws Exception {
    int in = 10;
    int hidden = quick ? 8 : 16;
    int classes = 4;
    int batch = 64;
    SplittableRandom rng = new SplittableRandom(seed + 21);
    org.vecgrad.linop.LossCurvature ce = org.vecgrad.linop.LossCurvature.softmaxCrossEntropy();
    try (Tape tape = new Tape()) {
      Var x = tape.constant("X", Tensor.randn(Shape.of(batch, in), rng));
      Var w1 = tape.variable("W1", scaledNormal(Shape.of(in, hidden), 1 / Math.sqrt(in), rng));
      Var b1 = tape.variable("b1", scaledNormal(Shape.of(1, hidden), 0.1, rng));
      Var w2 =
          tape.variable("W2", scaledNormal(Shape.of(hidden, classes), 1 / Math.sqrt(hidden), rng));
      Var y = matmul(Ops.tanh(Ops.add(matmul(x, w1), b1)), w2);
      double[] t = new double[batch * classes];
      for (int i = 0; i < batch; i++) {
        t[i * classes + rng.nextInt(classes)] = 1;
      }
      Tensor target = Tensor.of(Shape.of(batch, classes), t);
      Var loss = ce.record(y, tape.constant("T", target));
      Var[] params = {w1, b1, w2};
      org.vecgrad.linop.GaussNewtonOperator g =
          org.vecgrad.linop.GaussNewtonOperator.of(tape, y, ce, target, params);
      org.vecgrad.linop.HessianOperator h =
          org.vecgrad.linop.HessianOperator.of(tape, loss, params);
      org.vecgrad.linop.LinearOperator rest = h.minus(g);
      int n = g.domain().size();
      double[] denseH = Linalg.symmetricEigenvalues(h.toDense());
      double[] denseG = Linalg.symmetricEigenvalues(g.toDense());
      double[] denseRest = Linalg.symmetricEigenvalues(rest.toDense());
      double[] topH =
          new org.vecgrad.linop.Lanczos().steps(Math.min(n, 60)).seed(seed).run(h).top(3);
      double[] topG =
          new org.vecgrad.linop.Lanczos().steps(Math.min(n, 60)).seed(seed).run(g).top(3);
      double negH = fractionBelow(denseH, -1e-10);
      out.printf(
          Locale.ROOT,
          "-- loss Hessian of a %d-%d-%d tanh network (%d parameters): H = G + (H − G), lecture 004's H₀ + H₁%n",
          in,
          hidden,
          classes,
          n);
      out.printf(
          Locale.ROOT,
          "   top eigenvalues by Lanczos: H %s, G %s; dense: H %s, G %s%n",
          fmt(topH),
          fmt(topG),
          fmt(java.util.Arrays.copyOf(denseH, 3)),
          fmt(java.util.Arrays.copyOf(denseG, 3)));
      out.printf(
          Locale.ROOT,
          "   smallest eigenvalue: G %.3g, H − G %.3g, H %.3g; share of negative eigenvalues of H %.0f%%%n",
          denseG[n - 1],
          denseRest[n - 1],
          denseH[n - 1],
          100 * negH);
      claims.check(
          Math.abs(topH[0] - denseH[0]) < 1e-8 * Math.abs(denseH[0])
              && Math.abs(topG[0] - denseG[0]) < 1e-8 * Math.abs(denseG[0]),
          "Lanczos finds the top eigenvalues of H and G (matching dense EJML)");
      claims.check(
          denseG[n - 1] > -1e-10 * denseG[0],
          "the Gauss-Newton part G = H₀ is positive semi-definite");
      claims.check(
          denseRest[n - 1] < 0 && negH > 0,
          "the rest H₁ = H − G is indefinite and gives H negative eigenvalues (descent directions)");
      org.vecgrad.linop.SpectralDensity slq =
          new org.vecgrad.linop.SpectralDensity()
              .probes(quick ? 10 : 30)
              .steps(Math.min(n, 40))
              .seed(seed);
      org.vecgrad.linop.SpectralDensity.Result dh = slq.estimate(h);
      org.vecgrad.linop.SpectralDensity.Result dg = slq.estimate(g);
      out.printf(
          Locale.ROOT,
          "   stochastic Lanczos quadrature: share of H below 0 ≈ %.0f%% (exact %.0f%%)%n",
          100 * dh.fractionBelow(0),
          100 * negH);
      LineChart chart =
          new LineChart(
                  "Hessian spectrum: H and its Gauss-Newton part G (SLQ)", "eigenvalue", "density")
              .logY();
      chart.series("H", dh.grid(), floorAt(dh.density(), 1e-6));
      chart.series("G = H₀", dg.grid(), floorAt(dg.density(), 1e-6));
      out.println("   wrote " + chart.save(dir.resolve("spectra-hessian.png")));
    }
  }

  private static Tensor scaledNormal(Shape s, double std, SplittableRandom rng) {
    return Ops.scale(Var.constant(Tensor.randn(s, rng)), std).value();
  }

  private static double fractionBelow(double[] v, double t) {
    int k = 0;
    for (double x : v) {
      if (x < t) {
        k++;
      }
    }
    return (double) k / v.length;
  }

  private static double[] floorAt(double[] v, double f) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.max(v[i], f);
    }
    return r;
  }

  private static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", v[i]));
    }
    return sb.append(")").toString();
  }

  // ------------------------------------------------------------------ GD and eigenvalues

  /**
   * E(w) = ‖y − Xᵀw‖²/(2m) is the quadratic ½wᵀAw − Bᵀw with A = XXᵀ/m; in A's eigenbasis the GD
   * error is {@code xᵢ^p = (1 − αλᵢ)^p xᵢ⁰}.
   */
  private static void eigendirections(PrintStream out, Claims claims, Path dir, long seed)
      throws Exception {
    out.println("-- gradient descent along the eigendirections of A = XXᵀ/m (n = 12, m = 300)");
    int n = 12;
    int m = 300;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] xd = Tensor.randn(Shape.of(n, m), rng).toDoubleArray();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        xd[i * m + j] *= Math.pow(0.7, i); // spread the spectrum over two decades
      }
    }
    Tensor x = Tensor.of(Shape.of(n, m), xd);
    Tensor y = Tensor.randn(Shape.of(m, 1), rng);
    Tensor a = matmul(Var.constant(x), Var.constant(x), false, true).value();
    a = Ops.scale(Var.constant(a), 1.0 / m).value();
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    eig.decompose(Linalg.toEjml(a));
    double[] lambda = new double[n];
    double[][] q = new double[n][];
    double lmax = 0;
    for (int i = 0; i < n; i++) {
      lambda[i] = eig.getEigenvalue(i).getReal();
      q[i] = eig.getEigenVector(i).data.clone();
      lmax = Math.max(lmax, lambda[i]);
    }
    // w* solves A w = B, B = X y / m
    Tensor b = Ops.scale(matmul(Var.constant(x), Var.constant(y)), 1.0 / m).value();
    DMatrixRMaj wStar = new DMatrixRMaj(n, 1);
    org.ejml.dense.row.CommonOps_DDRM.solve(Linalg.toEjml(a), Linalg.toEjml(b), wStar);
    double alpha = 0.9 / lmax;
    int steps = 60;
    double[] w = new double[n];
    double[][] coord = new double[steps + 1][n];
    for (int p = 0; p <= steps; p++) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += q[i][k] * (w[k] - wStar.data[k]);
        }
        coord[p][i] = s;
      }
      if (p == steps) {
        break;
      }
      double[] g = gradient(x, y, w, m);
      for (int k = 0; k < n; k++) {
        w[k] -= alpha * g[k];
      }
    }
    double worst = 0;
    for (int p = 0; p <= steps; p++) {
      for (int i = 0; i < n; i++) {
        double theory = Math.pow(1 - alpha * lambda[i], p) * coord[0][i];
        worst = Math.max(worst, Math.abs(coord[p][i] - theory) / Math.abs(coord[0][i]));
      }
    }
    out.printf(
        Locale.ROOT, "   α = 0.9/λmax = %.4g; λ from %.3g to %.3g%n", alpha, min(lambda), lmax);
    claims.check(
        worst < 1e-9,
        String.format(
            Locale.ROOT,
            "the error along eigenvector qᵢ after p steps is (1 − αλᵢ)^p times its start (max dev %.1e)",
            worst));
    LineChart chart =
        new LineChart(
                "GD error along eigendirections: |xᵢ^p| and (1 − αλᵢ)^p|xᵢ⁰|", "step p", "|xᵢ^p|")
            .logY();
    int[] shown = argsortDescending(lambda);
    for (int r = 0; r < n; r += 3) {
      int i = shown[r];
      double[] ps = new double[steps + 1];
      double[] measured = new double[steps + 1];
      double[] theory = new double[steps + 1];
      for (int p = 0; p <= steps; p++) {
        ps[p] = p;
        measured[p] = Math.max(Math.abs(coord[p][i]), 1e-18);
        theory[p] = Math.max(Math.abs(Math.pow(1 - alpha * lambda[i], p) * coord[0][i]), 1e-18);
      }
      String l = String.format(Locale.ROOT, "λ = %.3g", lambda[i]);
      chart.series(l + " measured", ps, measured);
      chart.series(l + " theory", ps, theory);
    }
    out.println("   wrote " + chart.save(dir.resolve("spectra-eigendirections.png")));
  }

  /** ∇E(w) = −X(y − Xᵀw)/m, from the tape. */
  private static double[] gradient(Tensor x, Tensor y, double[] w, int m) {
    try (Tape tape = new Tape()) {
      Var wv = tape.variable("w", Tensor.of(Shape.of(w.length, 1), w));
      Var residual = Ops.sub(Var.constant(y), matmul(Var.constant(x), wv, true, false));
      Var e = Ops.scale(Ops.sum(Ops.square(residual)), 0.5 / m);
      return tape.grad(e, wv).of(wv).toDoubleArray();
    }
  }

  // ------------------------------------------------------------------ Marchenko–Pastur

  private static void gramSpectrum(
      PrintStream out, Claims claims, Path dir, boolean quick, long seed) throws Exception {
    int n0 = quick ? 200 : 400;
    int n1 = n0;
    int m = 4 * n0;
    out.printf(
        Locale.ROOT,
        "-- gram matrix M = YYᵀ/m of random features Y = f(WX), X: %d×%d, W: %d×%d (c = n₁/m = %.2f)%n",
        n0,
        m,
        n1,
        n0,
        (double) n1 / m);
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor x = Tensor.randn(Shape.of(n0, m), rng);
    Tensor w =
        Ops.scale(Var.constant(Tensor.randn(Shape.of(n1, n0), rng)), 1 / Math.sqrt(n0)).value();
    Tensor z = matmul(Var.constant(w), Var.constant(x)).value(); // pre-activations ≈ N(0, 1)
    MarchenkoPastur mp = new MarchenkoPastur((double) n1 / m);
    double absMean = Math.sqrt(2 / Math.PI);
    double absStd = Math.sqrt(1 - 2 / Math.PI);
    double reluMean = 1 / Math.sqrt(2 * Math.PI);
    double reluStd = Math.sqrt(0.5 - 1 / (2 * Math.PI));
    double[] centredAbs = gramEigenvalues(z, m, v -> (Math.abs(v) - absMean) / absStd);
    double[] relu = gramEigenvalues(z, m, v -> (Math.max(v, 0) - reluMean) / reluStd);
    double[] linear = gramEigenvalues(z, m, v -> v);
    double ksAbs = mp.ksDistance(centredAbs);
    double ksRelu = mp.ksDistance(relu);
    double ksLinear = mp.ksDistance(linear);
    out.printf(
        Locale.ROOT,
        "   Kolmogorov–Smirnov distance to MP(c): centred |z| (τ = 0) %.3f, ReLU %.3f, linear %.3f%n",
        ksAbs,
        ksRelu,
        ksLinear);
    claims.check(
        ksAbs < 0.05, "an activation with τ = 0 (centred |z|) gives the Marchenko–Pastur law");
    claims.check(
        ksRelu > 2 * ksAbs && ksLinear > 2 * ksAbs,
        "activations with τ ≠ 0 (ReLU, linear) do not: their spectra leave MP");
    LineChart chart =
        new LineChart(
            "Gram spectrum of random features vs Marchenko–Pastur", "eigenvalue", "density");
    double top = Math.max(mp.upper(), Math.max(max(relu), max(linear))) * 1.05;
    int bins = 60;
    double[] xs = new double[bins];
    double[] mpDensity = new double[bins];
    for (int i = 0; i < bins; i++) {
      xs[i] = (i + 0.5) * top / bins;
      mpDensity[i] = mp.density(xs[i]);
    }
    chart.series("Marchenko–Pastur", xs, mpDensity);
    chart.series("centred |z| (τ = 0)", xs, histogram(centredAbs, top, bins));
    chart.series("ReLU", xs, histogram(relu, top, bins));
    chart.series("linear", xs, histogram(linear, top, bins));
    out.println("   wrote " + chart.save(dir.resolve("spectra-marchenko-pastur.png")));
  }

  private static double[] gramEigenvalues(Tensor z, int m, UnaryOperator<Double> f) {
    double[] zd = z.toDoubleArray();
    for (int i = 0; i < zd.length; i++) {
      zd[i] = f.apply(zd[i]);
    }
    Var y = Var.constant(Tensor.of(z.shape(), zd));
    Tensor gram = Ops.scale(matmul(y, y, false, true), 1.0 / m).value();
    return Linalg.symmetricEigenvalues(gram);
  }

  private static double[] histogram(double[] v, double top, int bins) {
    double[] h = new double[bins];
    double width = top / bins;
    for (double x : v) {
      int b = (int) Math.floor(x / width);
      if (b >= 0 && b < bins) {
        h[b] += 1 / (v.length * width);
      }
    }
    return h;
  }

  // ------------------------------------------------------------------ Jacobian singular values

  /**
   * Input-output Jacobian {@code J = ∂x^L/∂x^0 = Π D^l W^l} of a deep network with orthogonal
   * weights, column by column from forward sweeps; tanh (σ_w = 1) stays near an isometry, ReLU (σ_w
   * = √2) does not.
   */
  private static void jacobianSingularValues(
      PrintStream out, Claims claims, Path dir, boolean quick, long seed) throws Exception {
    int width = quick ? 60 : 120;
    int depth = quick ? 16 : 32;
    out.printf(
        Locale.ROOT,
        "-- input-output Jacobian of a depth-%d, width-%d network with orthogonal weights%n",
        depth,
        width);
    double[] tanh = jacobianSpectrum(width, depth, false, seed);
    double[] relu = jacobianSpectrum(width, depth, true, seed);
    double tanhSpread = Math.log10(tanh[0] / Math.max(tanh[tanh.length - 1], 1e-16));
    double reluSpread = Math.log10(relu[0] / Math.max(relu[relu.length - 1], 1e-16));
    double tanhNearOne = fractionWithin(tanh, 0.5, 2);
    double reluNearOne = fractionWithin(relu, 0.5, 2);
    out.printf(
        Locale.ROOT,
        "   tanh: σ in [%.3g, %.3g], %.0f%% within [½, 2]; ReLU: σ in [%.3g, %.3g], %.0f%% within [½, 2]%n",
        tanh[tanh.length - 1],
        tanh[0],
        100 * tanhNearOne,
        relu[relu.length - 1],
        relu[0],
        100 * reluNearOne);
    claims.check(
        tanhNearOne >= 0.9,
        "tanh with orthogonal weights is near-isometric (≥ 90% of singular values within [½, 2])");
    claims.check(
        reluNearOne < 0.5 && reluSpread > tanhSpread + 1,
        "ReLU is not: its singular values spread over decades more");
    LineChart chart =
        new LineChart("Singular values of the input-output Jacobian", "rank", "σ (log)").logY();
    chart.series("tanh, σw = 1", ranks(tanh.length), floor(tanh));
    chart.series("ReLU, σw = √2", ranks(relu.length), floor(relu));
    out.println("   wrote " + chart.save(dir.resolve("spectra-jacobian.png")));
  }

  private static double[] jacobianSpectrum(int width, int depth, boolean relu, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double gain = relu ? Math.sqrt(2) : 1;
    try (Tape tape = new Tape()) {
      // a small input (q⁰ = 0.01 per unit) sits near tanh's fixed point q* = 0, where D ≈ I
      Var x0 =
          tape.variable(
              "x0", Ops.scale(Var.constant(Tensor.randn(Shape.of(width, 1), rng)), 0.1).value());
      Var h = x0;
      for (int l = 0; l < depth; l++) {
        Var w =
            Var.constant(
                Ops.scale(Var.constant(Linalg.randomOrthogonal(width, rng)), gain).value());
        Var pre = matmul(w, h);
        h = relu ? Ops.relu(pre) : Ops.tanh(pre);
      }
      double[] j = new double[width * width];
      for (int c = 0; c < width; c++) {
        double[] e = new double[width];
        e[c] = 1;
        Tensor col = tape.forward().tangent(x0, Tensor.of(Shape.of(width, 1), e)).run().of(h);
        for (int r = 0; r < width; r++) {
          j[r * width + c] = col.at(r);
        }
      }
      return Linalg.singularValues(Tensor.of(Shape.of(width, width), j));
    }
  }

  // ------------------------------------------------------------------ small helpers

  /** Values clamped to 1e-16 so that exact zeros can be drawn on a log axis. */
  private static double[] floor(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.max(v[i], 1e-16);
    }
    return r;
  }

  private static double fractionWithin(double[] v, double lo, double hi) {
    int k = 0;
    for (double x : v) {
      if (x >= lo && x <= hi) {
        k++;
      }
    }
    return (double) k / v.length;
  }

  private static double[] ranks(int n) {
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = i + 1;
    }
    return r;
  }

  private static int[] argsortDescending(double[] v) {
    return java.util.stream.IntStream.range(0, v.length)
        .boxed()
        .sorted((i, j) -> Double.compare(v[j], v[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double min(double[] v) {
    double m = Double.POSITIVE_INFINITY;
    for (double x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
