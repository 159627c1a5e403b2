package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
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
    HandwrittenLetters.Set test = letters.sample(10, true, seed + 1);
    HandwrittenLetters.Set perfect = letters.perfectLetters();
    out.printf(
        Locale.ROOT,
        "   %d training letters, %d test letters by held-out writers%n",
        train.labels.length,
        test.labels.length);
    HandwrittenLetters.savePreview(train, 78, outDir.resolve("ocr-training-letters.png"));
    HandwrittenLetters.savePreview(test, 52, outDir.resolve("ocr-test-letters.png"));

    pseudoInverse(out, claims, perfect, test);
    int epochs = quick ? 15 : 40;
    double[][] linear = trainLinear(out, claims, train, test, epochs, seed);
    double[][] sigmoid = trainSigmoid(out, claims, train, test, epochs, quick ? 200 : 600, seed);
    claims.check(
        last(sigmoid[1]) > last(linear[1]),
        String.format(
            Locale.ROOT,
            "the three-layer sigmoid network generalises better to new writers (%.1f%% vs %.1f%%)",
            100 * last(sigmoid[1]),
            100 * last(linear[1])));
    LineChart chart = new LineChart("OCR of handwritten letters", "epoch", "accuracy");
    chart.series("linear q = Wa, train", epochsAxis(linear[0].length), linear[0]);
    chart.series("linear q = Wa, new writers", epochsAxis(linear[1].length), linear[1]);
    chart.series("3-layer sigmoid, train", epochsAxis(sigmoid[0].length), sigmoid[0]);
    chart.series("3-layer sigmoid, new writers", epochsAxis(sigmoid[1].length), sigmoid[1]);
    out.println("   wrote " + chart.save(outDir.resolve("ocr-accuracy.png")));
  }

  /** W̃ = (AᵀA)⁻¹Aᵀ for A's columns the perfect letters; W̃A = I; and A's singular values. */
  private static void pseudoInverse(
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
    out.printf(Locale.ROOT, "   W̃ on letters by new writers: %.1f%% correct%n", 100 * acc2);
    claims.check(acc2 < 0.8, "but W̃ is fragile: it misreads many letters by other writers");
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
      int epochs,
      long seed) {
    out.println("-- two-layer linear network q = Wa, W ← W − 2α(q − c)aᵀ");
    SplittableRandom rng = new SplittableRandom(seed);
    int n = train.labels.length;
    double[] w = new double[26 * 900];
    double alpha = 0.002;
    double[][] curves = new double[2][epochs + 1];
    checkLectureRule(claims, train);
    for (int e = 0; e <= epochs; e++) {
      Tensor wt = Tensor.of(Shape.of(26, 900), w);
      curves[0][e] = accuracy(scoresLinear(train.images, wt), train.labels);
      curves[1][e] = accuracy(scoresLinear(test.images, wt), test.labels);
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
        "   after %d epochs: %.1f%% on training letters, %.1f%% on new writers%n",
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
   * The three-layer network with the scaled sigmoid, on pixel values 0–255 as in the lecture (hence
   * the 1/150), trained by minibatch gradient descent on ‖c − q‖² with tape gradients.
   */
  static double[][] trainSigmoid(
      PrintStream out,
      Claims claims,
      HandwrittenLetters.Set train,
      HandwrittenLetters.Set test,
      int epochs,
      int hidden,
      long seed) {
    out.printf(
        Locale.ROOT,
        "-- three-layer network q = σ(W_q σ(W_h a + b_h) + b_q), σ(x) = 1/(1 + e^(x/150)), %d hidden%n",
        hidden);
    SplittableRandom rng = new SplittableRandom(seed + 11);
    Tensor xTrain = scale(Var.constant(train.images), 255).value();
    Tensor xTest = scale(Var.constant(test.images), 255).value();
    // Weights scaled so that pre-activations are about ±150, where σ(x) = 1/(1 + e^{x/150}) bends
    // (about 20% of the 900 pixels carry ink of up to 255).
    double sh = 150 / (255 * Math.sqrt(900 * 0.2));
    double sq = 150 * Double.parseDouble(System.getProperty("ocr.sq", "0.5")) / Math.sqrt(hidden);
    Tensor wh = scale(Var.constant(Tensor.randn(Shape.of(hidden, 900), rng)), sh).value();
    Tensor bh = Tensor.zeros(Shape.of(hidden));
    Tensor wq = scale(Var.constant(Tensor.randn(Shape.of(26, hidden), rng)), sq).value();
    Tensor bq = Tensor.zeros(Shape.of(26));
    Tensor targets = oneHot(train.labels);
    int n = train.labels.length;
    int batch = 26;
    // One step size per layer, proportional to the square of the layer's weight scale: plain
    // gradient descent in the weights' natural units (with one α for both, the 1/150 and the
    // 0–255 pixels make the hidden layer's step thousands of times too large).
    double lrQ = Double.parseDouble(System.getProperty("ocr.lr", "300"));
    double lrH =
        lrQ * (sh / sq) * (sh / sq) * Double.parseDouble(System.getProperty("ocr.ratio", "30"));
    double[][] curves = new double[2][epochs + 1];
    for (int e = 0; e <= epochs; e++) {
      curves[0][e] = accuracy(forward(null, xTrain, wh, bh, wq, bq).value(), train.labels);
      curves[1][e] = accuracy(forward(null, xTest, wh, bh, wq, bq).value(), test.labels);
      if (e == epochs) {
        break;
      }
      int[] order = permutation(n, rng);
      for (int start = 0; start < n; start += batch) {
        int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(n, start + batch));
        try (Tape tape = new Tape()) {
          Var[] p = {
            tape.variable("W_h", wh), tape.variable("b_h", bh),
            tape.variable("W_q", wq), tape.variable("b_q", bq)
          };
          Var xb = Ops.indexSelect(Var.constant(xTrain), idx);
          Var cb = Ops.indexSelect(Var.constant(targets), idx);
          Var q = forward(tape, xb.value(), p);
          Var loss = scale(sum(square(sub(cb, q))), 1.0 / idx.length);
          Gradients g = tape.grad(loss, p);
          wh = step(wh, g.of(p[0]), lrH);
          bh = step(bh, g.of(p[1]), lrH * 255 * 255);
          wq = step(wq, g.of(p[2]), lrQ);
          bq = step(bq, g.of(p[3]), lrQ);
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "   after %d epochs: %.1f%% on training letters, %.1f%% on new writers%n",
        epochs,
        100 * last(curves[0]),
        100 * last(curves[1]));
    claims.check(last(curves[0]) > 0.9, "the sigmoid network learns the training letters (> 90%)");
    return curves;
  }

  private static Var forward(Tape tape, Tensor x, Tensor wh, Tensor bh, Tensor wq, Tensor bq) {
    return forward(tape, x, Var.constant(wh), Var.constant(bh), Var.constant(wq), Var.constant(bq));
  }

  private static Var forward(Tape tape, Tensor x, Var... p) {
    Var a = Var.constant(x);
    Var h = scaledSigmoid(add(matmul(a, p[0], false, true), p[1]));
    return scaledSigmoid(add(matmul(h, p[2], false, true), p[3]));
  }

  /** Lecture 000's σ(x) = 1/(1 + e^{x/150}) = sigmoid(−x/150). */
  static Var scaledSigmoid(Var x) {
    return sigmoid(scale(x, -1.0 / 150));
  }

  private static Tensor step(Tensor p, Tensor g, double lr) {
    return sub(Var.constant(p), scale(Var.constant(g), lr)).value();
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
