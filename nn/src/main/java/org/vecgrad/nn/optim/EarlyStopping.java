package org.vecgrad.nn.optim;

/**
 * Early stopping on the validation loss (lecture 001: "Overfitting is not desirable! Gradient
 * descent stops early!"). After each epoch the trainer reports the validation loss; an epoch
 * improves when its loss is below the best so far by more than {@code minDelta}. Training stops
 * once {@code patience} epochs in a row have not improved, and the trainer restores the parameters
 * of the best epoch.
 */
public final class EarlyStopping {
  private final int patience;
  private final double minDelta;
  private double best = Double.POSITIVE_INFINITY;
  private int bestEpoch = -1;
  private int sinceBest;

  /**
   * @param patience epochs without improvement tolerated before stopping (at least 1)
   * @param minDelta the least decrease that counts as an improvement (at least 0)
   */
  public EarlyStopping(int patience, double minDelta) {
    if (patience < 1 || !(minDelta >= 0)) {
      throw new IllegalArgumentException(
          "EarlyStopping: need patience >= 1 and minDelta >= 0, got " + patience + ", " + minDelta);
    }
    this.patience = patience;
    this.minDelta = minDelta;
  }

  /**
   * Records epoch {@code epoch}'s validation loss.
   *
   * @return true if it is a new best (the caller snapshots the parameters)
   */
  public boolean observe(int epoch, double validationLoss) {
    if (validationLoss < best - minDelta) {
      best = validationLoss;
      bestEpoch = epoch;
      sinceBest = 0;
      return true;
    }
    sinceBest++;
    return false;
  }

  /** True once {@code patience} epochs in a row have not improved (a NaN loss never improves). */
  public boolean shouldStop() {
    return sinceBest >= patience;
  }

  /** The best validation loss seen, or +∞. */
  public double bestLoss() {
    return best;
  }

  /** The epoch of the best loss, or −1. */
  public int bestEpoch() {
    return bestEpoch;
  }
}
