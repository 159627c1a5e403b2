package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.tanh;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.AdjointReport;
import org.vecgrad.check.AdjointTest;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.check.TaylorReport;
import org.vecgrad.check.TaylorTest;
import org.vecgrad.linop.JacobianOperator;
import org.vecgrad.linop.LinearOperator;
import org.vecgrad.linop.Operators;
import org.vecgrad.nn.Activation;
import org.vecgrad.nn.Linear;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.Sequential;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.InverseCrime;
import org.vecgrad.nn.data.Metrics;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.nn.train.GaussNewtonStep;
import org.vecgrad.nn.train.GradientStep;
import org.vecgrad.nn.train.TrainingStep;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 002 (Ruthotto and Haber, <i>single-layer neural networks</i>): the Kronecker form of the
 * single layer's Jacobian, derivative and adjoint tests, the inverse-crime problem solved by
 * gradient descent and by Gauss-Newton, a random-feature (extreme learning machine) baseline, the
 * objective along two random directions, and an adversarial perturbation.
 */
final class SingleLayerLecture implements Example {
  private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

  @Override
  public String name() {
    return "single-layer";
  }

  @Override
  public String summary() {
    return "Kronecker Jacobians, derivative/adjoint tests, inverse crime: GD vs Gauss-Newton (lecture 002)";
  }

  @Override
  public void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception {
    options.requireOnly(name(), Set.of("out", "quick", "seed"));
    boolean quick = options.has("quick");
    long seed = options.getInt("seed", 2);
    kroneckerIdentities(out, claims, seed);
    derivativeTests(out, claims, seed);
    Module trained = inverseCrime(out, claims, outDir, quick, seed);
    landscape(out, claims, outDir, trained, quick, seed);
    adversarial(out, claims, trained, seed);
  }

  // ------------------------------------------------------------------ Kronecker Jacobians

  private static void kroneckerIdentities(PrintStream out, Claims claims, long seed) {
    out.println("-- Kronecker identities (vec stacks columns)");
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor a = Tensor.randn(Shape.of(4, 3), rng);
    Tensor x = Tensor.randn(Shape.of(3, 5), rng);
    Tensor b = Tensor.randn(Shape.of(5, 2), rng);
    Tensor lhs = Ops.vec(matmul(matmul(Var.constant(a), Var.constant(x)), Var.constant(b))).value();
    Tensor rhs = Operators.kronecker(transpose(b), a).apply(Ops.vec(Var.constant(x)).value());
    double e1 = lhs.maxAbsDiff(rhs) / lhs.norm();
    Tensor ax = Ops.vec(matmul(Var.constant(a), Var.constant(x))).value();
    Tensor iax = Operators.kronecker(Tensor.eye(5), a).apply(Ops.vec(Var.constant(x)).value());
    double e2 = ax.maxAbsDiff(iax) / ax.norm();
    out.printf(
        Locale.ROOT,
        "   vec(AXB) vs (Bᵀ⊗A)vec(X): rel. error %.1e; vec(AX) vs (I⊗A)vec(X): %.1e%n",
        e1,
        e2);
    claims.check(e1 < 1e-14 && e2 < 1e-14, "vec(AXB) = (Bᵀ⊗A)vec(X) and vec(AX) = (I⊗A)vec(X)");

    // Z = σ(KY + b): J_vec(K) = diag(σ′(KY + b))(Yᵀ ⊗ I), against the tape's Jacobian
    int m = 6;
    int nf = 4;
    int n = 7;
    Tensor k = Tensor.randn(Shape.of(m, nf), rng);
    Tensor y = Tensor.randn(Shape.of(nf, n), rng);
    Tensor bias = Tensor.randn(Shape.of(m, 1), rng);
    Tensor v = Tensor.randn(Shape.of(m, nf), rng);
    Tensor u = Tensor.randn(Shape.of(m, n), rng);
    try (Tape tape = new Tape()) {
      Var kv = tape.variable("K", k);
      Var z = tanh(add(matmul(kv, tape.constant("Y", y)), Var.constant(bias)));
      JacobianOperator jk = JacobianOperator.of(tape, z, kv);
      Tensor dz = Ops.add(Ops.neg(Ops.square(Var.constant(z.value()))), 1).value(); // σ′ = 1 − σ²
      LinearOperator kron =
          Operators.diagonal(Ops.vec(Var.constant(dz)).value())
              .compose(Operators.kronecker(transpose(y), Tensor.eye(m)));
      Tensor viaKron = kron.apply(Ops.vec(Var.constant(v)).value());
      Tensor viaTape = Ops.vec(Var.constant(jk.apply(v.reshape(m * nf)))).value();
      Tensor adjKron = kron.applyAdjoint(Ops.vec(Var.constant(u)).value());
      Tensor adjTape = Ops.vec(Var.constant(jk.applyAdjoint(u).reshape(m, nf))).value();
      double ej = viaKron.maxAbsDiff(viaTape) / viaTape.norm();
      double ea = adjKron.maxAbsDiff(adjTape) / adjTape.norm();
      out.printf(
          Locale.ROOT,
          "   Z = tanh(KY + b): diag(σ′)(Yᵀ⊗I)·vec(V) vs the forward sweep: %.1e; transposes: %.1e%n",
          ej,
          ea);
      claims.check(
          ej < 1e-13 && ea < 1e-13,
          "J_vec(K) Z = diag(σ′(KY + b))(Yᵀ⊗I), and its transpose, equal the tape's sweeps");
    }
  }

  private static void derivativeTests(PrintStream out, Claims claims, long seed) {
    out.println("-- derivative check and adjoint test of the single layer Z = tanh(KY + b)");
    SplittableRandom rng = new SplittableRandom(seed + 1);
    Tensor y = Tensor.randn(Shape.of(5, 8), rng);
    TapeFunction layer = p -> tanh(add(matmul(p[0], Var.constant(y)), p[1]));
    Tensor k = Tensor.randn(Shape.of(6, 5), rng);
    Tensor b = Tensor.randn(Shape.of(6, 1), rng);
    TaylorReport taylor = TaylorTest.of(layer, k, b).named("singleLayer").run();
    AdjointReport adjoint = AdjointTest.ofFunction(layer, k, b).run();
    out.println("   " + taylor.toString().replace("\n", "\n   "));
    out.println("   " + adjoint.toString().replace("\n", "\n   "));
    claims.check(taylor.passed(), "the derivative check shows E0 = O(h) and E1 = O(h²)");
    claims.check(adjoint.passed(), "the adjoint test holds: ⟨u, J v⟩ = ⟨Jᵀu, v⟩ to round-off");
  }

  // ------------------------------------------------------------------ the inverse crime

  private static Module model(long seed) {
    return Sequential.of(new Linear(50, 40, seed), Activation.tanh(), new Linear(40, 10, seed + 1));
  }

  private Module inverseCrime(PrintStream out, Claims claims, Path dir, boolean quick, long seed)
      throws Exception {
    out.println(
        "-- inverse crime: n = 500, nf = 50, nc = 10, m = 40 (data made by the model itself)");
    Batch train = InverseCrime.generate(500, 50, 10, 40, seed, seed);
    Batch test = InverseCrime.generate(500, 50, 10, 40, seed, seed + 1000);
    int iters = quick ? 10 : 25;
    double[] bestGd = null;
    double bestLr = 0;
    for (double lr : new double[] {0.3, 1, 3}) {
      double[] curve = curve(new GradientStep(new Sgd(lr)), model(seed + 5), train, iters);
      if (bestGd == null || curve[iters] < bestGd[iters]) {
        bestGd = curve;
        bestLr = lr;
      }
    }
    Module gnModel = model(seed + 5);
    double[] gn = curve(GaussNewtonStep.builder().cgIterations(20).build(), gnModel, train, iters);
    double[] gnBlocks =
        curve(
            GaussNewtonStep.builder().cgIterations(20).ignoreCoupling().build(),
            model(seed + 5),
            train,
            iters);
    out.printf(
        Locale.ROOT,
        "   loss after %d iterations: gradient descent (best step %.1f) %.4f, Gauss-Newton–CG %.4f,"
            + " block Gauss-Newton %.4f%n",
        iters,
        bestLr,
        bestGd[iters],
        gn[iters],
        gnBlocks[iters]);
    claims.check(
        gn[iters] < bestGd[iters] && gnBlocks[iters] < bestGd[iters],
        "Gauss-Newton–CG reaches a lower loss than gradient descent in the same iterations");
    double trainAcc = accuracy(gnModel, train);
    double testAcc = accuracy(gnModel, test);

    out.println(
        "   random-feature baseline (extreme learning machine): K, b random; W by least squares");
    out.println("   features   train acc   test acc");
    double[] elm40 = elm(train, test, 40, seed);
    double[] elm2000 = elm(train, test, 2000, seed);
    out.printf(Locale.ROOT, "   %8d   %8.1f%%   %7.1f%%%n", 40, 100 * elm40[0], 100 * elm40[1]);
    out.printf(
        Locale.ROOT, "   %8d   %8.1f%%   %7.1f%%%n", 2000, 100 * elm2000[0], 100 * elm2000[1]);
    out.printf(
        Locale.ROOT,
        "   trained network (m = 40, Gauss-Newton): train %.1f%%, test %.1f%%%n",
        100 * trainAcc,
        100 * testAcc);
    claims.check(
        elm2000[0] > elm40[0] + 0.1,
        "random features fit the training data only when K is very large (m = 2000 vs 40)");
    claims.check(
        testAcc > elm2000[1] && testAcc > elm40[1],
        "the trained 40-unit network generalises better than either random-feature model");

    LineChart chart =
        new LineChart("Inverse crime: training loss", "iteration", "cross-entropy").logY();
    chart.series("gradient descent (step " + bestLr + ")", range(iters + 1), bestGd);
    chart.series("Gauss-Newton–CG", range(iters + 1), gn);
    chart.series("Gauss-Newton, blocks uncoupled", range(iters + 1), gnBlocks);
    out.println("   wrote " + chart.save(dir.resolve("single-layer-gd-vs-gn.png")));
    return gnModel;
  }

  private double[] curve(TrainingStep step, Module m, Batch data, int iters) {
    double[] c = new double[iters + 1];
    for (int i = 0; i < iters; i++) {
      c[i] = step.step(m, loss, data).loss();
    }
    c[iters] = lossOf(m, data);
    return c;
  }

  private double lossOf(Module m, Batch data) {
    return loss.value(Var.constant(m.predict(data.x())), Var.constant(data.targets())).item();
  }

  private static double accuracy(Module m, Batch data) {
    return (double) Metrics.correct(m.predict(data.x()), data.labels()) / data.size();
  }

  /** Train and test accuracy of least squares on {@code m} random tanh features. */
  private static double[] elm(Batch train, Batch test, int m, long seed) {
    SplittableRandom rng = new SplittableRandom(seed + 77);
    Var k = Var.constant(Ops.scale(Var.constant(Tensor.randn(Shape.of(m, 50), rng)), 1).value());
    Var b = Var.constant(Tensor.randn(Shape.of(m), rng));
    Tensor f = tanh(add(matmul(Var.constant(train.x()), k, false, true), b)).value();
    DMatrixRMaj fm = Linalg.toEjml(f);
    DMatrixRMaj ftf = new DMatrixRMaj(m, m);
    CommonOps_DDRM.multTransA(fm, fm, ftf);
    for (int i = 0; i < m; i++) {
      ftf.add(i, i, 1e-6 * Math.max(1, ftf.get(i, i)));
    }
    DMatrixRMaj ftc = new DMatrixRMaj(m, 10);
    CommonOps_DDRM.multTransA(fm, Linalg.toEjml(train.targets()), ftc);
    DMatrixRMaj wt = new DMatrixRMaj(m, 10);
    CommonOps_DDRM.solve(ftf, ftc, wt);
    Tensor w = Linalg.fromEjml(wt);
    Tensor ft = tanh(add(matmul(Var.constant(test.x()), k, false, true), b)).value();
    double trainAcc =
        (double) Metrics.correct(matmul(Var.constant(f), Var.constant(w)).value(), train.labels())
            / train.size();
    double testAcc =
        (double) Metrics.correct(matmul(Var.constant(ft), Var.constant(w)).value(), test.labels())
            / test.size();
    return new double[] {trainAcc, testAcc};
  }

  // ------------------------------------------------------------------ the landscape

  private void landscape(
      PrintStream out, Claims claims, Path dir, Module m, boolean quick, long seed)
      throws Exception {
    out.println("-- the objective along two random directions around the trained weights");
    Batch data = InverseCrime.generate(500, 50, 10, 40, seed, seed);
    List<Parameter> params = m.parameters();
    List<Tensor> center = new ArrayList<>();
    List<Tensor> d1 = new ArrayList<>();
    List<Tensor> d2 = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(seed + 9);
    for (Parameter p : params) {
      center.add(p.value());
      d1.add(scaledLike(Tensor.randn(p.value().shape(), rng), p.value()));
      d2.add(scaledLike(Tensor.randn(p.value().shape(), rng), p.value()));
    }
    int steps = quick ? 11 : 31;
    double[] grid = new double[steps];
    for (int i = 0; i < steps; i++) {
      grid[i] = -1 + 2.0 * i / (steps - 1);
    }
    double[][] values = new double[steps][steps];
    double centerValue = Double.NaN;
    double min = Double.POSITIVE_INFINITY;
    try {
      for (int i = 0; i < steps; i++) {
        for (int j = 0; j < steps; j++) {
          for (int q = 0; q < params.size(); q++) {
            params.get(q).set(combine(center.get(q), grid[i], d1.get(q), grid[j], d2.get(q)));
          }
          values[i][j] = lossOf(m, data);
          min = Math.min(min, values[i][j]);
          if (i == steps / 2 && j == steps / 2) {
            centerValue = values[i][j];
          }
        }
      }
    } finally {
      for (int q = 0; q < params.size(); q++) {
        params.get(q).set(center.get(q));
      }
    }
    out.printf(
        Locale.ROOT,
        "   E at the trained weights %.4f; lowest on the grid %.4f; highest %.4f%n",
        centerValue,
        min,
        max(values));
    claims.check(
        Math.abs(centerValue - min) < 1e-9,
        "the trained weights are the lowest point of the slice");
    out.println(
        "   wrote "
            + HeatMap.save(
                "Cross-entropy along two random directions (inverse crime)",
                "α (direction 1)",
                "β (direction 2)",
                grid,
                grid,
                values,
                dir.resolve("single-layer-landscape.png")));
  }

  private static Tensor scaledLike(Tensor d, Tensor like) {
    double s = like.norm() / Math.max(d.norm(), 1e-300);
    return Ops.scale(Var.constant(d), s).value();
  }

  private static Tensor combine(Tensor c, double a, Tensor d1, double b, Tensor d2) {
    return Ops.add(
            Var.constant(c),
            Ops.add(Ops.scale(Var.constant(d1), a), Ops.scale(Var.constant(d2), b)))
        .value();
  }

  // ------------------------------------------------------------------ adversarial example

  private void adversarial(PrintStream out, Claims claims, Module m, long seed) {
    out.println("-- an adversarial perturbation: min_d E(W σ(K(y + d) + b), ĉ) + λ‖d‖²");
    Batch data = InverseCrime.generate(20, 50, 10, 40, seed, seed + 2000);
    // the most confidently classified sample: the hardest one to flip
    Tensor all = m.predict(data.x());
    int pick = 0;
    double bestMargin = -1;
    for (int r = 0; r < data.size(); r++) {
      Tensor row = Ops.slice(Var.constant(all), 0, r, r + 1).value();
      int top = argmax(row, 0);
      double margin = row.get(0, top) - row.get(0, secondBest(row, top));
      if (margin > bestMargin) {
        bestMargin = margin;
        pick = r;
      }
    }
    Tensor y = Ops.slice(Var.constant(data.x()), 0, pick, pick + 1).value();
    Tensor scores = m.predict(y);
    int label = argmax(scores, 0);
    int target = secondBest(scores, label);
    double[] onehot = new double[10];
    onehot[target] = 1;
    Tensor c = Tensor.of(Shape.of(1, 10), onehot);
    Tensor d = Tensor.zeros(Shape.of(1, 50));
    double lambda = 1e-3;
    // small normalised steps, stopped as soon as the label flips: the smallest d along the path
    double step = 0.01 * y.norm();
    int it = 0;
    while (argmax(m.predict(Ops.add(Var.constant(y), Var.constant(d)).value()), 0) != target
        && it < 1000) {
      try (Tape tape = new Tape()) {
        Var dv = tape.variable("d", d);
        Var logits = m.call(tape, add(tape.constant("y", y), dv));
        Var e =
            add(loss.value(logits, Var.constant(c)), Ops.scale(Ops.sum(Ops.square(dv)), lambda));
        Gradients g = tape.grad(e, dv);
        Tensor grad = g.of(dv);
        d = Ops.sub(Var.constant(d), Ops.scale(Var.constant(grad), step / grad.norm())).value();
      }
      it++;
    }
    int now = argmax(m.predict(Ops.add(Var.constant(y), Var.constant(d)).value()), 0);
    double ratio = d.norm() / y.norm();
    out.printf(
        Locale.ROOT,
        "   label %d → %d after %d gradient steps on d; ‖d‖ = %.3f, ‖y‖ = %.3f (%.1f%%)%n",
        label,
        now,
        it,
        d.norm(),
        y.norm(),
        100 * ratio);
    claims.check(
        now == target && ratio < 0.5,
        "a perturbation of less than half the input's norm flips the trained classifier's label");
  }

  private static int argmax(Tensor scores, int row) {
    int best = 0;
    for (int j = 1; j < scores.shape().dim(1); j++) {
      if (scores.get(row, j) > scores.get(row, best)) {
        best = j;
      }
    }
    return best;
  }

  private static int secondBest(Tensor scores, int best) {
    int second = best == 0 ? 1 : 0;
    for (int j = 0; j < scores.shape().dim(1); j++) {
      if (j != best && scores.get(0, j) > scores.get(0, second)) {
        second = j;
      }
    }
    return second;
  }

  private static Tensor transpose(Tensor t) {
    return Ops.transpose(Var.constant(t)).value();
  }

  private static double max(double[][] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double[] row : v) {
      for (double x : row) {
        m = Math.max(m, x);
      }
    }
    return m;
  }

  private static double[] range(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }
}
