package org.vecgrad.bench;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.tanh;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.GaussNewtonOperator;
import org.vecgrad.linop.HessianOperator;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The cost of curvature products relative to one gradient, on an MLP 784-256-256-10 (tanh, softmax
 * cross-entropy, batch 128, F64):
 *
 * <ul>
 *   <li><b>gradient</b>: record the forward pass and the loss on a fresh tape, one reverse sweep;
 *   <li><b>GN product</b> {@code G·v = Jᵀ H_L J v}: one forward (tangent) sweep, the loss's
 *       closed-form HVP and one reverse sweep over an already recorded tape (the forward pass is
 *       reused, as in CG);
 *   <li><b>exact HVP</b> {@code H·v}: one reverse sweep through the recorded gradient graph (built
 *       once by {@link HessianOperator}), i.e. reverse-over-reverse;
 *   <li>for comparison, the GN product on the tape that also holds the recorded gradient graph: a
 *       forward sweep walks to the end of the tape, so it pays for those nodes too.
 * </ul>
 *
 * A plain harness, not JMH: warm-up rounds, then the median of timed repeats of each. Run with
 *
 * <pre>
 *   ./mvnw -q -pl bench -am package -DskipTests
 *   java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt) \
 *       org.vecgrad.bench.CurvatureBench [warmup=3] [repeats=7]
 * </pre>
 */
public final class CurvatureBench {
  private static final int[] SIZES = {784, 256, 256, 10};
  private static final int BATCH = 128;

  private final Tensor x;
  private final Tensor onehot;
  private final Tensor[] weights;

  private CurvatureBench(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    x = Tensor.randn(Shape.of(BATCH, SIZES[0]), rng);
    weights = new Tensor[2 * (SIZES.length - 1)];
    for (int l = 0; l + 1 < SIZES.length; l++) {
      double[] w = Tensor.randn(Shape.of(SIZES[l], SIZES[l + 1]), rng).toDoubleArray();
      for (int i = 0; i < w.length; i++) {
        w[i] /= Math.sqrt(SIZES[l]);
      }
      weights[2 * l] = Tensor.wrap(Shape.of(SIZES[l], SIZES[l + 1]), w);
      weights[2 * l + 1] = Tensor.zeros(Shape.of(1, SIZES[l + 1]), DType.F64);
    }
    double[] t = new double[BATCH * SIZES[SIZES.length - 1]];
    for (int i = 0; i < BATCH; i++) {
      t[i * SIZES[SIZES.length - 1] + rng.nextInt(SIZES[SIZES.length - 1])] = 1;
    }
    onehot = Tensor.wrap(Shape.of(BATCH, SIZES[SIZES.length - 1]), t);
  }

  /** The model recorded on {@code tape}; returns the logits. */
  private Var model(Tape tape, Var[] params) {
    Var h = tape.constant("X", x);
    for (int l = 0; l < params.length / 2; l++) {
      Var z = add(matmul(h, params[2 * l]), params[2 * l + 1]);
      h = l + 1 < params.length / 2 ? tanh(z) : z;
    }
    return h;
  }

  private Var[] params(Tape tape) {
    Var[] p = new Var[weights.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = tape.variable((i % 2 == 0 ? "W" : "b") + (i / 2 + 1), weights[i]);
    }
    return p;
  }

  private double gradient() {
    try (Tape tape = new Tape()) {
      Var[] p = params(tape);
      Var loss = LossCurvature.softmaxCrossEntropy().record(model(tape, p), tape.constant(onehot));
      return tape.grad(loss, p).of(p[0]).at(0);
    }
  }

  /**
   * The four timings of the class comment, per call.
   *
   * @param gradient record + reverse sweep on a fresh tape
   * @param gaussNewton G·v on a tape holding the forward pass
   * @param hessian H·v through the recorded gradient graph
   * @param gaussNewtonShared G·v on the tape that also holds the recorded gradient graph
   */
  record Timings(
      Harness.Result gradient,
      Harness.Result gaussNewton,
      Harness.Result hessian,
      Harness.Result gaussNewtonShared) {}

  /** Measures the four timings with {@code budget} (one thread or many: the caller decides). */
  static Timings measure(Harness.Budget budget) {
    CurvatureBench b = new CurvatureBench(2024);
    Harness.Result grad = Harness.measure(budget, 1, () -> Harness.sink = b.gradient());
    Harness.Result gn;
    try (Tape tape = new Tape()) {
      Var[] p = b.params(tape);
      Var logits = b.model(tape, p);
      GaussNewtonOperator g =
          GaussNewtonOperator.of(tape, logits, LossCurvature.softmaxCrossEntropy(), b.onehot, p);
      Tensor v = Tensor.randn(g.domain(), 7);
      gn = Harness.measure(budget, 1, () -> Harness.sink = g.apply(v));
    }
    Harness.Result hvp;
    Harness.Result gnShared;
    try (Tape tape = new Tape()) {
      Var[] p = b.params(tape);
      Var loss =
          LossCurvature.softmaxCrossEntropy().record(b.model(tape, p), tape.constant(b.onehot));
      HessianOperator h = HessianOperator.of(tape, loss, p);
      Tensor v = Tensor.randn(h.domain(), 8);
      hvp = Harness.measure(budget, 1, () -> Harness.sink = h.apply(v));
      // the same G·v on this tape: its forward sweep also walks the recorded gradient graph
      Var logits = loss.node().input(0);
      GaussNewtonOperator g =
          GaussNewtonOperator.of(tape, logits, LossCurvature.softmaxCrossEntropy(), b.onehot, p);
      gnShared = Harness.measure(budget, 1, () -> Harness.sink = g.apply(v));
    }
    return new Timings(grad, gn, hvp, gnShared);
  }

  private static void print(String what, Harness.Result r) {
    System.out.printf(
        "%-32s wall median %7.1f ms (p10 %7.1f, p90 %7.1f)   cpu median %7.1f ms%n",
        what, r.wallNs() * 1e-6, r.p10Ns() * 1e-6, r.p90Ns() * 1e-6, r.cpuNs() * 1e-6);
  }

  /** Runs the benchmark; optional arguments: warm-up rounds and timed repeats. */
  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    System.out.printf(
        "MLP %s, batch %d, F64, tanh, softmax cross-entropy; warm-up %d, median of %d (java %s, %d cores)%n",
        Arrays.toString(SIZES),
        BATCH,
        warmup,
        repeats,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    Timings t = measure(new Harness.Budget(0, warmup, repeats, 0));
    print("gradient (forward + reverse)", t.gradient());
    print("Gauss-Newton product G·v", t.gaussNewton());
    print("exact Hessian product H·v", t.hessian());
    print("G·v, tape also holds ∇L graph", t.gaussNewtonShared());
    System.out.printf(
        "GN product / gradient = %.2f× wall, %.2f× cpu   (goal ≤ 1.5×)%n",
        t.gaussNewton().wallNs() / t.gradient().wallNs(),
        t.gaussNewton().cpuNs() / t.gradient().cpuNs());
    System.out.printf(
        "exact HVP  / gradient = %.2f× wall, %.2f× cpu   (goal ≤ 2.5×)%n",
        t.hessian().wallNs() / t.gradient().wallNs(), t.hessian().cpuNs() / t.gradient().cpuNs());
    System.out.printf(
        "GN product on the tape holding the recorded gradient / gradient = %.2f× wall, %.2f× cpu%n",
        t.gaussNewtonShared().wallNs() / t.gradient().wallNs(),
        t.gaussNewtonShared().cpuNs() / t.gradient().cpuNs());
  }
}
