package org.vecgrad.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.nn.train.GradientStep;
import org.vecgrad.tensor.DType;

/**
 * One training step of the 784-256-256-10 ReLU MLP (forward, softmax cross-entropy, backward, SGD
 * update) at batch 128 and 32, F64 and F32: the throughput benchmark. SGD updates the
 * parameters in place ({@code updateInPlace(true)}), as PyTorch's SGD does; the flags below turn
 * that and the step's workspace off for the in-run comparisons. JMH reports steps per second;
 * samples per second are that times the batch size. {@link #main} runs a short timed loop instead
 * ({@link Harness}) and prints samples/s next to PyTorch's numbers on the reference machine (CPU,
 * same model, {@code shared/bench/baselines.md}) and the megabytes allocated per step.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt) \
 *       org.vecgrad.bench.TrainStepBenchmark            # quick table
 *   ... org.openjdk.jmh.Main TrainStepBenchmark        # JMH
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainStepBenchmark {
  /** PyTorch samples/s on this machine for the same step: F32 batch 128/32, F64 batch 128/32. */
  static final double[][] PYTORCH = Baselines.TORCH_TRAIN_SAMPLES;

  @Param({"128", "32"})
  public int batch;

  @Param({"F64", "F32"})
  public String dtype;

  /**
   * Whether the step runs in a {@code Workspace} (the default {@link GradientStep}); false measures
   * the same step with every intermediate freshly allocated, for the in-run ratio.
   */
  public boolean workspace = true;

  /**
   * Whether SGD writes each new parameter value over the old one's array ({@code
   * Sgd.updateInPlace}); false gives every parameter a new array per step (the default of the
   * optimisers), for the in-run ratio.
   */
  public boolean inPlace = true;

  private Mlp model;
  private Batch data;
  private GradientStep step;
  private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

  /** Builds the model and one fixed batch. */
  @Setup
  public void setUp() {
    DType dt = DType.valueOf(dtype);
    model = Mlp.builder(784, 256, 256, 10).dtype(dt).seed(1).build();
    Dataset d = Synthetic.blobs(batch, 784, 10, 1.0, 2);
    int[] all = new int[batch];
    for (int i = 0; i < batch; i++) {
      all[i] = i;
    }
    data = d.batch(all, dt);
    step = new GradientStep(new Sgd(1e-3).updateInPlace(inPlace));
    if (!workspace) {
      step = step.withoutWorkspace();
    }
  }

  /** One forward + backward + update. */
  @Benchmark
  public double trainStep() {
    return step.step(model, loss, data).loss();
  }

  /**
   * Times the step for one configuration with {@code budget}; the result is per step, and its
   * {@link Harness.Result#bytes()} is the memory the step allocated on the calling thread (all of
   * it when {@code Parallel.threads()} is 1).
   */
  static Harness.Result measure(String dtype, int batch, Harness.Budget budget) {
    return measure(dtype, batch, budget, true, true, null);
  }

  /**
   * As {@link #measure(String, int, Harness.Budget)}, running {@code afterRound} after each timed
   * round (a reference's round, for paired rounds: {@link Harness#measurePaired}).
   */
  static Harness.Result measure(
      String dtype, int batch, Harness.Budget budget, Runnable afterRound) {
    return measure(dtype, batch, budget, true, true, afterRound);
  }

  /**
   * As {@link #measure(String, int, Harness.Budget)}, with or without the step's workspace and the
   * in-place update.
   */
  static Harness.Result measure(
      String dtype, int batch, Harness.Budget budget, boolean workspace, boolean inPlace) {
    return measure(dtype, batch, budget, workspace, inPlace, null);
  }

  private static Harness.Result measure(
      String dtype,
      int batch,
      Harness.Budget budget,
      boolean workspace,
      boolean inPlace,
      Runnable afterRound) {
    TrainStepBenchmark b = new TrainStepBenchmark();
    b.batch = batch;
    b.dtype = dtype;
    b.workspace = workspace;
    b.inPlace = inPlace;
    b.setUp();
    // at least 200 warm-up steps: --quick's 0.3 s left the first configuration of each dtype in
    // interpreted and C1 code, whose boxed vectors showed as 4.7-9.4 MB and 2-3x the time per step
    Harness.Budget warm =
        new Harness.Budget(
            budget.warmupSeconds(),
            Math.max(budget.warmupCalls(), 200),
            budget.rounds(),
            budget.roundSeconds());
    return Harness.measurePaired(warm, 1, afterRound, () -> Harness.sink = b.trainStep())[0];
  }

  /**
   * A quick table of samples/s against PyTorch and MB allocated per step (a few seconds per
   * configuration; the argument is the seconds of timed rounds).
   */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    System.out.println(
        "train step 784-256-256-10, softmax CE, SGD; samples/s (vecgrad vs PyTorch), MB allocated"
            + " per step by the calling thread");
    String[] dtypes = {"F32", "F64"};
    int[] batches = {128, 32};
    Harness.Budget budget = new Harness.Budget(seconds / 3, 3, 5, seconds / 5);
    for (int di = 0; di < 2; di++) {
      for (int bi = 0; bi < 2; bi++) {
        Harness.Result r = measure(dtypes[di], batches[bi], budget);
        double sps = batches[bi] * r.perSecond();
        double torch = PYTORCH[di][bi];
        System.out.printf(
            Locale.ROOT,
            "%s batch %3d: %8.0f samples/s   PyTorch %6.0f   ratio %.3f   %6.2f MB/step%n",
            dtypes[di],
            batches[bi],
            sps,
            torch,
            sps / torch,
            r.bytes() / (1 << 20));
      }
    }
  }
}
