package org.vecgrad.examples;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.FashionMnist;
import org.vecgrad.nn.data.Standardizer;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.io.ModelIO;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Adam;
import org.vecgrad.nn.optim.EarlyStopping;
import org.vecgrad.nn.optim.Momentum;
import org.vecgrad.nn.optim.Optimizer;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.nn.train.CurvePlot;
import org.vecgrad.nn.train.Evaluation;
import org.vecgrad.nn.train.GaussNewtonStep;
import org.vecgrad.nn.train.History;
import org.vecgrad.nn.train.Progress;
import org.vecgrad.nn.train.Trainer;
import org.vecgrad.tensor.DType;

/**
 * {@code ./vecgrad train}: trains an MLP classifier with softmax cross-entropy on Fashion-MNIST (or
 * on synthetic Gaussian blobs, which need no download), prints one line per epoch and the test
 * accuracy, and writes the training curves (PNG), the history (CSV) and the parameters
 * (safetensors).
 */
final class TrainCommand implements Command {
  /**
   * Optimiser name → (learning rate → optimiser), with the default rate of each. They update in
   * place: the command keeps no parameter value across steps (the trainer's early-stopping snapshot
   * copies), so nothing it holds is retired.
   */
  private static final Map<String, DoubleFunction<Optimizer>> OPTIMIZERS =
      Map.of(
          "sgd",
          lr -> new Sgd(lr).updateInPlace(true),
          "momentum",
          lr -> new Momentum(lr, 0.9).updateInPlace(true),
          "nesterov",
          lr -> Momentum.nesterov(lr, 0.9).updateInPlace(true),
          "adam",
          lr -> new Adam(lr).updateInPlace(true));

  private static final Map<String, Double> DEFAULT_LR =
      Map.of("sgd", 0.1, "momentum", 0.01, "nesterov", 0.01, "adam", 1e-3);

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train an MLP on Fashion-MNIST or synthetic data; curves PNG + saved model";
  }

  @Override
  public String usage() {
    return String.join(
        "\n",
        "usage: ./vecgrad train [options]",
        "  --dataset fashion-mnist|synthetic  data (default fashion-mnist; synthetic needs no download)",
        "  --data-dir DIR       Fashion-MNIST IDX files (default " + FashionMnist.DEFAULT_DIR + ";",
        "                       Debian: apt-get install dataset-fashion-mnist)",
        "  --epochs N           passes over the training set (default 5)",
        "  --batch N            minibatch size (default 128)",
        "  --optimizer NAME     sgd|momentum|nesterov|adam|gauss-newton (default adam;",
        "                       gauss-newton: Levenberg–Marquardt steps solved by CG, no --lr)",
        "  --lr X               learning rate (default: sgd 0.1, momentum/nesterov 0.01, adam 1e-3)",
        "  --hidden N[,N...]    hidden layer widths (default 256)",
        "  --dtype f64|f32      parameter and batch precision (default f64)",
        "  --seed N             initialisation, split and shuffling seed (default 42)",
        "  --limit N            train on the first N training samples only (quick runs)",
        "  --val-fraction X     share of the training set held out for validation (default 0.1)",
        "  --patience N         early stopping after N epochs without validation improvement"
            + " (default off)",
        "  --standardize        standardise features with training-set statistics",
        "  --out DIR            where curves.png, history.csv, model.safetensors go"
            + " (default out/train)");
  }

  @Override
  public int run(Options o, PrintStream out) throws Exception {
    o.requireOnly(
        name(),
        Set.of(
            "dataset",
            "data-dir",
            "epochs",
            "batch",
            "optimizer",
            "lr",
            "hidden",
            "dtype",
            "seed",
            "limit",
            "val-fraction",
            "patience",
            "standardize",
            "out"));
    String datasetName = o.get("dataset", "fashion-mnist");
    int epochs = o.getInt("epochs", 5);
    int batch = o.getInt("batch", 128);
    String optName = o.get("optimizer", "adam");
    boolean gaussNewton = optName.equals("gauss-newton");
    DoubleFunction<Optimizer> makeOpt = OPTIMIZERS.get(optName);
    if (makeOpt == null && !gaussNewton) {
      throw new IllegalArgumentException(
          "--optimizer: unknown '"
              + optName
              + "' (known: sgd, momentum, nesterov, adam, gauss-newton)");
    }
    double lr = gaussNewton ? 1 : o.getDouble("lr", DEFAULT_LR.get(optName));
    int[] hidden = parseHidden(o.get("hidden", "256"));
    DType dtype = parseDtype(o.get("dtype", "f64"));
    long seed = o.getInt("seed", 42);
    Path outDir = Path.of(o.get("out", "out/train"));

    Dataset train;
    Dataset test;
    if (datasetName.equals("fashion-mnist")) {
      Path dir = Path.of(o.get("data-dir", FashionMnist.DEFAULT_DIR.toString()));
      FashionMnist.Data d = FashionMnist.load(dir);
      train = d.train();
      test = d.test();
      out.printf(
          "Fashion-MNIST from %s: %d training, %d test images%n", dir, train.size(), test.size());
    } else if (datasetName.equals("synthetic")) {
      Dataset all = Synthetic.blobs(3000, 20, 5, 0.6, seed);
      Dataset.Split s = all.split(0.2, seed);
      train = s.train();
      test = s.validation();
      out.printf(
          "synthetic Gaussian blobs (seed %d): %d training, %d test samples, %d features, %d"
              + " classes%n",
          seed, train.size(), test.size(), train.featureCount(), train.classes());
    } else {
      throw new IllegalArgumentException(
          "--dataset: unknown '" + datasetName + "' (known: fashion-mnist, synthetic)");
    }
    if (o.has("limit")) {
      train = train.head(o.getInt("limit", train.size()));
    }
    Dataset.Split split = train.split(o.getDouble("val-fraction", 0.1), seed);
    Dataset tr = split.train();
    Dataset val = split.validation();
    Dataset te = test;
    if (o.has("standardize")) {
      Standardizer st = Standardizer.fit(tr);
      tr = st.apply(tr);
      val = st.apply(val);
      te = st.apply(te);
    }

    int[] sizes = new int[hidden.length + 2];
    sizes[0] = tr.featureCount();
    System.arraycopy(hidden, 0, sizes, 1, hidden.length);
    sizes[sizes.length - 1] = tr.classes();
    Mlp model = Mlp.builder(sizes).dtype(dtype).seed(seed).build();
    Optimizer opt = gaussNewton ? null : makeOpt.apply(lr);
    out.printf(
        "model %s (%d parameters, %s), %s lr %s, batch %d, %d epochs; %d train / %d validation%n",
        Arrays.toString(sizes),
        model.numParameters(),
        dtype,
        gaussNewton ? "gauss-newton-cg" : opt.name(),
        gaussNewton ? "(line search)" : String.valueOf(lr),
        batch,
        epochs,
        tr.size(),
        val.size());

    Trainer.Builder tb =
        (gaussNewton
                ? Trainer.builder(
                    model, new SoftmaxCrossEntropy(), GaussNewtonStep.builder().build())
                : Trainer.builder(model, new SoftmaxCrossEntropy(), opt))
            .epochs(epochs)
            .batchSize(batch)
            .seed(seed)
            .dtype(dtype)
            .progress(Progress.auto(out))
            .log(out);
    if (o.has("patience")) {
      tb.earlyStopping(new EarlyStopping(o.getInt("patience", 2), 0));
    }
    History h = tb.build().fit(tr, val);
    Evaluation result = Evaluation.of(model, new SoftmaxCrossEntropy(), te, 1024, dtype);
    out.printf(
        Locale.ROOT,
        "test accuracy %.2f%% (loss %.4f, %d samples)%n",
        100 * result.accuracy(),
        result.loss(),
        result.samples());

    Files.createDirectories(outDir);
    Path png = outDir.resolve("curves.png");
    Path csv = outDir.resolve("history.csv");
    Path model_ = outDir.resolve("model.safetensors");
    CurvePlot.write(h, datasetName + " " + Arrays.toString(sizes), png);
    Files.writeString(csv, h.toCsv());
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("dataset", datasetName);
    meta.put("sizes", Arrays.toString(sizes));
    meta.put("epochs", Integer.toString(h.epochs().size()));
    meta.put("test_accuracy", Double.toString(result.accuracy()));
    ModelIO.save(model, model_, meta);
    out.println("curves:  " + png);
    out.println("history: " + csv);
    out.println("model:   " + model_ + " (safetensors)");
    return 0;
  }

  private static int[] parseHidden(String s) {
    try {
      int[] h = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
      for (int v : h) {
        if (v <= 0) {
          throw new NumberFormatException();
        }
      }
      return h;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--hidden: expected positive widths like 256 or 256,128, got '" + s + "'");
    }
  }

  private static DType parseDtype(String s) {
    try {
      return DType.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtype: expected f64 or f32, got '" + s + "'");
    }
  }
}
