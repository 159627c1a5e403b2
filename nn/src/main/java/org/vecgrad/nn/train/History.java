package org.vecgrad.nn.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The per-epoch record of a training run, and how it ended (early stopping, best epoch). */
public final class History {
  private final List<EpochRecord> epochs = new ArrayList<>();
  private int bestEpoch = -1;
  private boolean stoppedEarly;

  void add(EpochRecord r) {
    epochs.add(r);
  }

  void markBest(int epoch) {
    bestEpoch = epoch;
  }

  void markStoppedEarly() {
    stoppedEarly = true;
  }

  /** The epochs in order (read-only). */
  public List<EpochRecord> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** The last epoch. */
  public EpochRecord last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("History.last: no epoch has run");
    }
    return epochs.get(epochs.size() - 1);
  }

  /**
   * The 1-based epoch with the lowest validation loss (whose parameters early stopping restored),
   * or −1 without early stopping.
   */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** True if early stopping ended the run before the planned number of epochs. */
  public boolean stoppedEarly() {
    return stoppedEarly;
  }

  /** The history as CSV with a header line. */
  public String toCsv() {
    StringBuilder sb =
        new StringBuilder(
            "epoch,train_loss,train_accuracy,val_loss,val_accuracy,learning_rate,seconds,"
                + "samples_per_second\n");
    for (EpochRecord r : epochs) {
      sb.append(r.epoch())
          .append(',')
          .append(r.trainLoss())
          .append(',')
          .append(r.trainAccuracy())
          .append(',')
          .append(r.validationLoss())
          .append(',')
          .append(r.validationAccuracy())
          .append(',')
          .append(r.learningRate())
          .append(',')
          .append(r.seconds())
          .append(',')
          .append(r.samplesPerSecond())
          .append('\n');
    }
    return sb.toString();
  }
}
