package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.softmaxCrossEntropy;
import static org.vecgrad.autodiff.Ops.tanh;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.AdjointReport;
import org.vecgrad.check.AdjointTest;
import org.vecgrad.check.FiniteDifferenceCheck;
import org.vecgrad.check.FiniteDifferenceReport;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.check.TaylorReport;
import org.vecgrad.check.TaylorTest;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.FashionMnist;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Adam;
import org.vecgrad.nn.train.CurvePlot;
import org.vecgrad.nn.train.Evaluation;
import org.vecgrad.nn.train.History;
import org.vecgrad.nn.train.Progress;
import org.vecgrad.nn.train.Trainer;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.viz.DotRenderer;
import org.vecgrad.viz.GraphModel;
import org.vecgrad.viz.ImageRenderer;
import org.vecgrad.viz.StepFrames;
import org.vecgrad.viz.StepThroughHtml;
import org.vecgrad.viz.VizOptions;

/**
 * {@code ./vecgrad tour}: the guided tour — a model written as expressions, its backprop graph with
 * values and adjoints, the gradient / adjoint / Taylor checks with their tables, and training
 * (Fashion-MNIST when installed, synthetic data otherwise) with progress and curves. A few minutes
 * at most; exits 0 only when every check passes and the model learns.
 */
final class TourCommand implements Command {
  // a tiny classifier whose graph fits a picture: 4 samples, 3 features, 4 hidden, 2 classes
  private static final Tensor X =
      Tensor.of(new double[][] {{0.5, -1, 2}, {1, 0.3, -0.4}, {-1.2, 0.8, 0.1}, {0.2, 0.2, 1}});
  private static final Tensor Y = Tensor.of(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});

  /** The model's loss as a function of its parameters (W1, b1, W2): what the checks verify. */
  static final TapeFunction LOSS =
      p ->
          softmaxCrossEntropy(
              matmul(tanh(add(matmul(Var.constant(X), p[0]), p[1])), p[2]), Var.constant(Y));

  /** The model's logits as a function of its parameters: its Jacobian gets the adjoint test. */
  static final TapeFunction LOGITS =
      p -> matmul(tanh(add(matmul(Var.constant(X), p[0]), p[1])), p[2]);

  @Override
  public String name() {
    return "tour";
  }

  @Override
  public String summary() {
    return "the guided tour: expressions → gradient → picture → checks → training";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad tour [--out out/tour] [--quick]\n"
        + "  --quick   train on synthetic data only (seconds; what the tests run)";
  }

  @Override
  public int run(Options options, PrintStream out) throws Exception {
    options.requireOnly(name(), Set.of("out", "quick"));
    Path dir = Path.of(options.get("out", "out/tour"));
    Files.createDirectories(dir);
    Tensor w1 = Tensor.randn(Shape.of(3, 4), 1);
    Tensor b1 = Tensor.randn(Shape.of(4), 2);
    Tensor w2 = Tensor.randn(Shape.of(4, 2), 3);

    out.println("== 1. A model is an expression");
    out.println("   Var h = tanh(add(matmul(X, W1), b1));");
    out.println("   Var loss = softmaxCrossEntropy(matmul(h, W2), Y);");
    GraphModel model;
    try (Tape tape = new Tape()) {
      Var vw1 = tape.variable("W1", w1);
      Var vb1 = tape.variable("b1", b1);
      Var vw2 = tape.variable("W2", w2);
      Var x = tape.constant("X", X);
      Var h;
      try (Tape.Pause s = tape.scope("hidden")) {
        h = tanh(add(matmul(x, vw1), vb1)).named("h");
      }
      Var loss;
      try (Tape.Pause s = tape.scope("loss")) {
        loss = softmaxCrossEntropy(matmul(h, vw2), tape.constant("Y", Y)).named("L");
      }
      Gradients g = tape.backward(loss).keepAll().run();
      out.printf(Locale.ROOT, "   loss = %.6f; one reverse sweep gives ∂L/∂W2 =%n", loss.item());
      out.println(indent(g.of(vw2).toString()));
      model = GraphModel.of(tape, loss, g);
    }

    out.println("== 2. Its backprop graph, with values and adjoints");
    ImageRenderer renderer = ImageRenderer.onPath().dpi(110);
    ImageRenderer.Written fwd =
        renderer.write(
            DotRenderer.render(
                model, VizOptions.builder().adjoints(false).title("forward").build()),
            dir,
            "model-forward");
    ImageRenderer.Written bwd =
        renderer.write(
            DotRenderer.render(
                model, VizOptions.builder().backward(true).title("backward").build()),
            dir,
            "model-backward");
    java.util.List<StepFrames.Frame> frames = StepFrames.of(model, VizOptions.defaults());
    String stepProblem =
        StepThroughHtml.write(
            frames, "The reverse sweep, step by step", renderer, dir.resolve("model-steps.html"));
    fwd.files().forEach(f -> out.println("   wrote " + f));
    bwd.files().forEach(f -> out.println("   wrote " + f));
    out.println("   wrote " + dir.resolve("model-steps.html") + " (" + frames.size() + " steps)");
    String problem = bwd.problem() != null ? bwd.problem() : stepProblem;
    if (problem != null) {
      out.println("   note: " + problem);
    }

    out.println("== 3. Checks: finite differences, the adjoint identity, Taylor slopes");
    FiniteDifferenceReport fd = FiniteDifferenceCheck.of(LOSS, w1, b1, w2).named("loss").run();
    out.println(indent(fd.toString()));
    AdjointReport adj = AdjointTest.ofFunction(LOGITS, w1, b1, w2).run();
    out.println(indent(adj.toString()));
    TaylorReport taylor = TaylorTest.of(LOSS, w1, b1, w2).named("loss").run();
    out.println(indent(taylor.toString()));
    boolean checksPass = fd.passed() && adj.passed() && taylor.passed();

    out.println("== 4. Training");
    Dataset train;
    Dataset test;
    String dataName;
    boolean real = !options.has("quick") && Files.isDirectory(FashionMnist.DEFAULT_DIR);
    if (real) {
      FashionMnist.Data d = FashionMnist.load(FashionMnist.DEFAULT_DIR);
      train = d.train().head(12_000);
      test = d.test();
      dataName = "Fashion-MNIST (12,000 training images)";
    } else {
      Dataset all = Synthetic.blobs(2000, 20, 5, 0.6, 7);
      Dataset.Split s = all.split(0.2, 7);
      train = s.train();
      test = s.validation();
      dataName =
          "synthetic blobs"
              + (options.has("quick")
                  ? ""
                  : " (Fashion-MNIST is not installed: apt-get install"
                      + " dataset-fashion-mnist)");
    }
    out.println("   data: " + dataName);
    int[] sizes = {train.featureCount(), 128, train.classes()};
    Mlp mlp = Mlp.builder(sizes).seed(7).build();
    Dataset.Split split = train.split(0.1, 7);
    History history =
        Trainer.builder(mlp, new SoftmaxCrossEntropy(), new Adam(1e-3))
            .epochs(real ? 3 : 5)
            .batchSize(64)
            .seed(7)
            .dtype(DType.F64)
            .progress(Progress.auto(out))
            .log(out)
            .build()
            .fit(split.train(), split.validation());
    Evaluation result = Evaluation.of(mlp, new SoftmaxCrossEntropy(), test, 1024, DType.F64);
    Path curves = dir.resolve("training-curves.png");
    CurvePlot.write(history, dataName, curves);
    double chance = 1.0 / train.classes();
    out.printf(
        Locale.ROOT,
        "   test accuracy %.2f%% (chance %.0f%%)%n",
        100 * result.accuracy(),
        100 * chance);
    out.println("   wrote " + curves);

    boolean learned = result.accuracy() > chance + 0.3;
    out.println("== outputs in " + dir.toAbsolutePath().normalize());
    out.println(
        checksPass && learned
            ? "tour complete: the checks pass and the model learned"
            : "tour FAILED: "
                + (checksPass ? "" : "a check failed; ")
                + (learned ? "" : "the model did not learn"));
    return checksPass && learned ? 0 : 1;
  }

  private static String indent(String text) {
    return "   " + text.replace("\n", "\n   ");
  }
}
