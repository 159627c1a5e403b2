package org.vecgrad.nn.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Minibatches;
import org.vecgrad.nn.loss.Loss;
import org.vecgrad.nn.optim.EarlyStopping;
import org.vecgrad.nn.optim.LearningRateSchedule;
import org.vecgrad.nn.optim.Optimizer;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The training loop: epochs of shuffled minibatches, one {@link TrainingStep} per batch, the
 * learning-rate schedule, validation after each epoch, early stopping with restoration of the best
 * parameters, progress, and a {@link History}.
 *
 * <pre>{@code
 * History h = Trainer.builder(model, new SoftmaxCrossEntropy(), new Adam(1e-3))
 *     .epochs(5).batchSize(128).seed(42).log(System.out).build()
 *     .fit(train, validation);
 * }</pre>
 */
public final class Trainer {
  private final Module model;
  private final Loss loss;
  private final TrainingStep step;
  private final Optimizer optimizer;
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final DType dtype;
  private final LearningRateSchedule schedule;
  private final EarlyStopping earlyStopping;
  private final Progress progress;
  private final PrintStream log;

  private Trainer(Builder b) {
    this.model = b.model;
    this.loss = b.loss;
    this.step = b.step;
    this.optimizer = b.optimizer;
    this.epochs = b.epochs;
    this.batchSize = b.batchSize;
    this.seed = b.seed;
    this.dtype = b.dtype;
    this.schedule = b.schedule;
    this.earlyStopping = b.earlyStopping;
    this.progress = b.progress;
    this.log = b.log;
  }

  /** A trainer that updates with {@code optimizer} (a {@link GradientStep}). */
  public static Builder builder(Module model, Loss loss, Optimizer optimizer) {
    return new Builder(model, loss, new GradientStep(optimizer), optimizer);
  }

  /** A trainer with a custom update (e.g. a second-order step); schedules need an optimizer. */
  public static Builder builder(Module model, Loss loss, TrainingStep step) {
    return new Builder(model, loss, step, null);
  }

  /**
   * Trains on {@code train}, validating on {@code validation} (may be null) after every epoch.
   *
   * @throws IllegalArgumentException if early stopping was asked for without a validation set
   * @throws IllegalStateException if the loss becomes NaN or infinite (with the epoch and step)
   */
  public History fit(Dataset train, Dataset validation) {
    if (earlyStopping != null && validation == null) {
      throw new IllegalArgumentException("Trainer.fit: early stopping needs a validation set");
    }
    History history = new History();
    Minibatches batches = new Minibatches(train, batchSize, true, seed);
    double baseRate = optimizer == null ? Double.NaN : optimizer.learningRate();
    List<Tensor> best = null;
    model.train();
    for (int e = 0; e < epochs; e++) {
      if (optimizer != null) {
        optimizer.setLearningRate(schedule.rate(baseRate, e));
      }
      double lossSum = 0;
      long correct = 0;
      long seen = 0;
      int k = 0;
      progress.start(String.format("epoch %d/%d", e + 1, epochs), batches.count());
      long t0 = System.nanoTime();
      for (Batch b : batches.epoch(e, dtype)) {
        StepResult r = step.step(model, loss, b);
        k++;
        if (!Double.isFinite(r.loss())) {
          progress.finish();
          throw new IllegalStateException(
              String.format(
                  "Trainer: the %s loss became %s at epoch %d, step %d; lower the learning rate",
                  loss.name(), r.loss(), e + 1, k));
        }
        lossSum += r.loss() * r.size();
        correct += r.correct();
        seen += r.size();
        double secs = (System.nanoTime() - t0) / 1e9;
        progress.update(
            k,
            String.format(
                "loss %.4f acc %.1f%% %.0f/s",
                lossSum / seen, 100.0 * correct / seen, seen / Math.max(secs, 1e-9)));
      }
      progress.finish();
      double secs = (System.nanoTime() - t0) / 1e9;
      Evaluation val =
          validation == null ? null : Evaluation.of(model, loss, validation, 1024, dtype);
      EpochRecord rec =
          new EpochRecord(
              e + 1,
              lossSum / seen,
              (double) correct / seen,
              val == null ? Double.NaN : val.loss(),
              val == null ? Double.NaN : val.accuracy(),
              optimizer == null ? Double.NaN : optimizer.learningRate(),
              secs,
              seen / Math.max(secs, 1e-9));
      history.add(rec);
      if (log != null) {
        log.println(rec.format(epochs));
      }
      if (earlyStopping != null) {
        if (earlyStopping.observe(e + 1, val.loss())) {
          best = snapshot();
          history.markBest(e + 1);
        }
        if (earlyStopping.shouldStop() && e + 1 < epochs) {
          history.markStoppedEarly();
          if (log != null) {
            log.printf(
                "early stopping: validation loss has not improved for the last epochs;"
                    + " restoring epoch %d (val loss %.4f)%n",
                earlyStopping.bestEpoch(), earlyStopping.bestLoss());
          }
          break;
        }
      }
    }
    if (best != null) {
      restore(best);
    }
    if (optimizer != null) {
      optimizer.setLearningRate(baseRate);
    }
    return history;
  }

  private List<Tensor> snapshot() {
    // copies, not references: an optimiser that updates in place retires the values it replaces
    List<Tensor> s = new ArrayList<>();
    for (Parameter p : model.parameters()) {
      s.add(p.value().copy());
    }
    return s;
  }

  private void restore(List<Tensor> values) {
    List<Parameter> ps = model.parameters();
    for (int i = 0; i < ps.size(); i++) {
      ps.get(i).set(values.get(i));
    }
  }

  /** Options of a {@link Trainer}. */
  public static final class Builder {
    private final Module model;
    private final Loss loss;
    private final TrainingStep step;
    private final Optimizer optimizer;
    private int epochs = 1;
    private int batchSize = 32;
    private long seed;
    private DType dtype;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private EarlyStopping earlyStopping;
    private Progress progress = Progress.none();
    private PrintStream log;

    private Builder(Module model, Loss loss, TrainingStep step, Optimizer optimizer) {
      if (model == null || loss == null || step == null) {
        throw new IllegalArgumentException("Trainer: model, loss and step must be non-null");
      }
      this.model = model;
      this.loss = loss;
      this.step = step;
      this.optimizer = optimizer;
      List<Parameter> ps = model.parameters();
      this.dtype = ps.isEmpty() ? DType.F64 : ps.get(0).value().dtype();
    }

    /** Number of passes over the training set (default 1). */
    public Builder epochs(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + n);
      }
      this.epochs = n;
      return this;
    }

    /** Rows per minibatch (default 32). */
    public Builder batchSize(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("Trainer: batch size must be >= 1, got " + n);
      }
      this.batchSize = n;
      return this;
    }

    /** Seed of the shuffling (default 0). */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Dtype of the batches (default: the parameters' dtype). */
    public Builder dtype(DType d) {
      this.dtype = d;
      return this;
    }

    /** Learning-rate schedule (default constant); needs an optimizer. */
    public Builder schedule(LearningRateSchedule s) {
      if (optimizer == null) {
        throw new IllegalArgumentException(
            "Trainer: a learning-rate schedule needs an Optimizer, not a custom TrainingStep");
      }
      this.schedule = s;
      return this;
    }

    /** Early stopping on the validation loss (default none). */
    public Builder earlyStopping(EarlyStopping es) {
      this.earlyStopping = es;
      return this;
    }

    /** Progress of each epoch (default none; {@link Progress#auto} for a CLI). */
    public Builder progress(Progress p) {
      this.progress = p;
      return this;
    }

    /** Where to print one line per epoch (default nowhere). */
    public Builder log(PrintStream out) {
      this.log = out;
      return this;
    }

    /** The trainer. */
    public Trainer build() {
      return new Trainer(this);
    }
  }
}
