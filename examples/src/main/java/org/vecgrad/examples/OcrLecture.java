package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.scale;
import static org.vecgrad.autodiff.Ops.sigmoid;
import static org.vecgrad.autodiff.Ops.square;
import static org.vecgrad.autodiff.Ops.sub;
import static org.vecgrad.autodiff.Ops.sum;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.Activation;
import org.vecgrad.nn.Init;
import org.vecgrad.nn.Linear;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Sequential;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.loss.SquaredError;
import org.vecgrad.nn.optim.Adam;
import org.vecgrad.nn.train.GradientStep;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 000 (Nick Kantack, <i>Linear algebra for deep learning</i>): optical character
 * recognition of 30×30 handwritten capital letters with a two-layer linear network {@code q = Wa}
 * trained by {@code W ← W − 2α(q − c)aᵀ}, the "perfect weights" {@code W̃ = (AᵀA)⁻¹Aᵀ}, the
 * effective rank of the letter matrix A, and a three-layer network {@code q = σ(W_q σ(W_h a + b_h)
 * + b_q)} with the lecture's scaled sigmoid {@code σ(x) = 1/(1 + e^{x/150})}.
 */
final class OcrLecture implements Example {

  @Override
  public String name() {
    return "ocr";
  }

  @Override
  public String summary() {
    return "handwritten letters: linear net, pseudo-inverse, effective rank, sigmoid net (lecture 000)";
  }

  @Override
  public void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception {
    options.requireOnly(name(), Set.of("out", "quick", "seed"));
    boolean quick = options.has("quick");
    long seed = options.getInt("seed", 5);
    HandwrittenLetters letters = HandwrittenLetters.load();
    out.println("-- data: " + letters.describe());
    HandwrittenLetters.Set train =
        letters.sample(20, false, seed); // 520 letters, as in the lecture
    HandwrittenLetters.Set test = letters.sample(10, false, seed + 1); // new samples
    HandwrittenLetters.Set newWriters = letters.sample(10, true, seed + 2);
    HandwrittenLetters.Set perfect = letters.perfectLetters();
    out.printf(
        Locale.ROOT,
        "   %d training letters; %d new samples of them and %d letters by held-out writers to test%n",
        train.labels.length,
        test.labels.length,
        newWriters.labels.length);
    HandwrittenLetters.savePreview(train, 78, outDir.resolve("ocr-training-letters.png"));
    HandwrittenLetters.savePreview(newWriters, 52, outDir.resolve("ocr-new-writers.png"));

    double pinv = pseudoInverse(out, claims, perfect, test);
    int epochs = quick ? 10 : 20;
    double[][] linear = trainLinear(out, claims, train, test, newWriters, epochs, seed);
    double[][] sigmoid =
        trainSigmoid(out, claims, train, test, newWriters, epochs, quick ? 200 : 600, seed);
    out.println("   accuracy after " + epochs + " epochs   train   new samples   new writers");
    out.printf(Locale.ROOT, "   perfect weights W̃          %5s   %10.1f%%%n", "-", 100 * pinv);
    for (Object[] row : new Object[][] {{"linear q = Wa", linear}, {"3-layer sigmoid", sigmoid}}) {
      double[][] c = (double[][]) row[1];
      out.printf(
          Locale.ROOT,
          "   %-26s %5.1f%%   %10.1f%%   %10.1f%%%n",
          row[0],
          100 * last(c[0]),
          100 * last(c[1]),
          100 * last(c[2]));
    }
    int linear90 = epochsTo(linear[0], 0.9);
    int sigmoid90 = epochsTo(sigmoid[0], 0.9);
    claims.check(
        sigmoid90 > 0 && (linear90 < 0 || sigmoid90 < linear90),
        "the three-layer network learns faster: 90% of the training letters after "
            + sigmoid90
            + " epochs (linear: "
            + (linear90 < 0 ? "not within " + epochs : linear90)
            + ")");
    claims.check(
        last(sigmoid[1]) > Math.max(pinv, last(linear[1])) + 0.15,
        "the hidden layer generalises: the sigmoid network reads new samples far better than"
            + " the linear network and W̃, which both stay near the perfect letters' low rank");
    LineChart chart = new LineChart("OCR of handwritten letters", "epoch", "accuracy");
    chart.series("linear q = Wa, train", epochsAxis(linear[0].length), linear[0]);
    chart.series("linear q = Wa, new samples", epochsAxis(linear[1].length), linear[1]);
    chart.series("3-layer sigmoid, train", epochsAxis(sigmoid[0].length), sigmoid[0]);
    chart.series("3-layer sigmoid, new samples", epochsAxis(sigmoid[1].length), sigmoid[1]);
    out.println("   wrote " + chart.save(outDir.resolve("ocr-accuracy.png")));
  }

  /** W̃ = (AᵀA)⁻¹Aᵀ for A's columns the perfect letters; W̃A = I; and A's singular values. */
  private static double pseudoInverse(
      PrintStream out, Claims claims, HandwrittenLetters.Set perfect, HandwrittenLetters.Set test) {
    out.println("-- perfect weights W̃ = (AᵀA)⁻¹Aᵀ, A = 900 × 26 matrix of perfect letters");
    DMatrixRMaj a = new DMatrixRMaj(900, 26);
    CommonOps_DDRM.transpose(Linalg.toEjml(perfect.images), a);
    DMatrixRMaj ata = new DMatrixRMaj(26, 26);
    CommonOps_DDRM.multTransA(a, a, ata);
    DMatrixRMaj wt = new DMatrixRMaj(26, 900);
    DMatrixRMaj at = new DMatrixRMaj(26, 900);
    CommonOps_DDRM.transpose(a, at);
    CommonOps_DDRM.solve(ata, at, wt);
    DMatrixRMaj wa = new DMatrixRMaj(26, 26);
    CommonOps_DDRM.mult(wt, a, wa);
    double off = 0;
    for (int i = 0; i < 26; i++) {
      for (int j = 0; j < 26; j++) {
        off = Math.max(off, Math.abs(wa.get(i, j) - (i == j ? 1 : 0)));
      }
    }
    claims.check(
        off < 1e-8,
        String.format(
            Locale.ROOT,
            "W̃A = I: no learning is needed for the perfect letters (max |W̃A − I| = %.1e)",
            off));
    double[] s = Linalg.singularValues(Linalg.fromEjml(a));
    double total = 0;
    double nuclear = 0;
    for (double v : s) {
      total += v * v;
      nuclear += v;
    }
    int k90 = 0;
    double acc = 0;
    while (acc < 0.9 * total) {
      acc += s[k90] * s[k90];
      k90++;
    }
    out.printf(
        Locale.ROOT,
        "   singular values of A: σ₁ = %.2f, σ₂ = %.2f, …, σ₂₆ = %.3f; cond(A) = %.0f%n",
        s[0],
        s[1],
        s[25],
        s[0] / s[25]);
    out.printf(
        Locale.ROOT,
        "   effective rank ‖A‖*/‖A‖₂ = %.2f; %d of 26 singular values carry 90%% of ‖A‖²_F%n",
        nuclear / s[0],
        k90);
    claims.check(
        k90 < 13, "A is effectively low rank: fewer than half the singular values carry 90%");
    Tensor scores =
        matmul(Var.constant(test.images), Var.constant(Linalg.fromEjml(wt)), false, true).value();
    double acc2 = accuracy(scores, test.labels);
    out.printf(Locale.ROOT, "   W̃ on new samples of the letters: %.1f%% correct%n", 100 * acc2);
    claims.check(acc2 < 0.5, "but W̃ is fragile: it misreads most new samples of the letters");
    return acc2;
  }

  /**
   * The two-layer linear network {@code q = Wa}, loss {@code ‖c − q‖²}, trained by the lecture's
   * rule; the rule's step is checked against the tape's gradient once.
   */
  private static double[][] trainLinear(
      PrintStream out,
      Claims claims,
      HandwrittenLetters.Set train,
      HandwrittenLetters.Set test,
      HandwrittenLetters.Set newWriters,
      int epochs,
      long seed) {
    out.println("-- two-layer linear network q = Wa, W ← W − 2α(q − c)aᵀ");
    SplittableRandom rng = new SplittableRandom(seed);
    int n = train.labels.length;
    double[] w = new double[26 * 900];
    double alpha = 0.002;
    double[][] curves = new double[3][epochs + 1];
    checkLectureRule(claims, train);
    for (int e = 0; e <= epochs; e++) {
      Tensor wt = Tensor.of(Shape.of(26, 900), w);
      curves[0][e] = accuracy(scoresLinear(train.images, wt), train.labels);
      curves[1][e] = accuracy(scoresLinear(test.images, wt), test.labels);
      curves[2][e] = accuracy(scoresLinear(newWriters.images, wt), newWriters.labels);
      if (e == epochs) {
        break;
      }
      for (int t = 0; t < n; t++) {
        int i = rng.nextInt(n);
        double[] a = row(train.images, i);
        for (int r = 0; r < 26; r++) {
          double q = 0;
          for (int p = 0; p < 900; p++) {
            q += w[r * 900 + p] * a[p];
          }
          double err = q - (train.labels[i] == r ? 1 : 0);
          for (int p = 0; p < 900; p++) {
            w[r * 900 + p] -= 2 * alpha * err * a[p];
          }
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "   after %d epochs: %.1f%% on training letters, %.1f%% on new samples%n",
        epochs,
        100 * last(curves[0]),
        100 * last(curves[1]));
    claims.check(last(curves[0]) > 0.8, "the linear network learns the training letters (> 80%)");
    return curves;
  }

  /** The lecture's update 2(q − c)aᵀ is the gradient of ‖c − Wa‖² (checked on the tape). */
  private static void checkLectureRule(Claims claims, HandwrittenLetters.Set train) {
    double[] a = row(train.images, 0);
    Tensor w0 = Tensor.randn(Shape.of(26, 900), 9);
    try (Tape tape = new Tape()) {
      Var w = tape.variable("W", w0);
      Var av = Var.constant(Tensor.of(Shape.of(900, 1), a));
      Var q = matmul(w, av);
      Var c = Var.constant(oneHot(new int[] {train.labels[0]}).reshape(26, 1));
      Gradients g = tape.grad(sum(square(sub(c, q))), w);
      Tensor rule = scale(matmul(sub(q, c), av, false, true), 2).value(); // 2(q − c)aᵀ
      claims.check(
          g.of(w).maxAbsDiff(rule) < 1e-9,
          "the lecture's update 2(q − c)aᵀ is the tape's gradient of ‖c − Wa‖²");
    }
  }

  /**
   * The three-layer network {@code q = σ(W_q σ(W_h a + b_h) + b_q)} with the lecture's scaled
   * sigmoid (an {@code nn} model), on pixel values 0–255 as in the lecture (hence the 1/150),
   * trained on {@code ‖c − q‖²} with minibatch Adam. Plain gradient descent with one α, as the
   * slides write it, is badly conditioned under that scaling: the hidden layer's gradient is
   * thousands of times larger than the output layer's relative to the weights; Adam's per-weight
   * step sizes remove that.
   */
  static double[][] trainSigmoid(
      PrintStream out,
      Claims claims,
      HandwrittenLetters.Set train,
      HandwrittenLetters.Set test,
      HandwrittenLetters.Set newWriters,
      int epochs,
      int hidden,
      long seed) {
    out.printf(
        Locale.ROOT,
        "-- three-layer network q = σ(W_q σ(W_h a + b_h) + b_q), σ(x) = 1/(1 + e^(x/150)), %d hidden%n",
        hidden);
    SplittableRandom rng = new SplittableRandom(seed + 11);
    // Pixels in [0, 1]; the weights carry the lecture's 0–255 scale instead, so both layers'
    // weights
    // are of one size (about 10) and pre-activations are a few hundred, where σ(x/150) bends.
    Tensor xTrain = train.images;
    Tensor xTest = test.images;
    Init hiddenInit = Init.normal(150 / Math.sqrt(900 * 0.2));
    Init outputInit = Init.normal(150 / Math.sqrt(hidden));
    Module net =
        Sequential.of(
            new Linear(900, hidden, hiddenInit, Init.zeros(), DType.F64, rng),
            Activation.lectureSigmoid(),
            new Linear(hidden, 26, outputInit, Init.zeros(), DType.F64, rng),
            Activation.lectureSigmoid());
    // one sample per update, as in the lecture's back propagation
    GradientStep step =
        new GradientStep(new Adam(Double.parseDouble(System.getProperty("ocr.lr", "0.3"))));
    SquaredError loss = SquaredError.mean();
    int n = train.labels.length;
    double[][] curves = new double[3][epochs + 1];
    for (int e = 0; e <= epochs; e++) {
      curves[0][e] = accuracy(net.predict(xTrain), train.labels);
      curves[1][e] = accuracy(net.predict(xTest), test.labels);
      curves[2][e] = accuracy(net.predict(newWriters.images), newWriters.labels);
      if (e == epochs) {
        break;
      }
      int[] order = permutation(n, rng);
      for (int start = 0; start < n; start += 1) {
        int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + 1));
        int[] labels = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
          labels[k] = train.labels[idx[k]];
        }
        Tensor xb = Ops.indexSelect(Var.constant(xTrain), idx).value();
        step.step(net, loss, new Batch(xb, labels, 26));
      }
    }
    out.printf(
        Locale.ROOT,
        "   after %d epochs: %.1f%% on training letters, %.1f%% on new samples%n",
        epochs,
        100 * last(curves[0]),
        100 * last(curves[1]));
    claims.check(last(curves[0]) > 0.9, "the sigmoid network learns the training letters (> 90%)");
    return curves;
  }

  private static Tensor scoresLinear(Tensor images, Tensor w) {
    return matmul(Var.constant(images), Var.constant(w), false, true).value();
  }

  private static double accuracy(Tensor scores, int[] labels) {
    int right = 0;
    int classes = scores.shape().dim(1);
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (scores.get(i, c) > scores.get(i, best)) {
          best = c;
        }
      }
      right += best == labels[i] ? 1 : 0;
    }
    return (double) right / labels.length;
  }

  private static Tensor oneHot(int[] labels) {
    double[] d = new double[labels.length * 26];
    for (int i = 0; i < labels.length; i++) {
      d[i * 26 + labels[i]] = 1;
    }
    return Tensor.of(Shape.of(labels.length, 26), d);
  }

  private static double[] row(Tensor m, int i) {
    int cols = m.shape().dim(1);
    double[] r = new double[cols];
    System.arraycopy(m.readF64(), i * cols, r, 0, cols);
    return r;
  }

  private static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The first epoch at which the curve reaches {@code level}, or -1. */
  private static int epochsTo(double[] curve, double level) {
    for (int e = 0; e < curve.length; e++) {
      if (curve[e] >= level) {
        return e;
      }
    }
    return -1;
  }

  private static double last(double[] v) {
    return v[v.length - 1];
  }

  private static double[] epochsAxis(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }
}
