package org.vecgrad.nn.optim;

/**
 * The learning rate of each epoch as a multiple of the base rate: {@code η_e = η₀ · factor(e)},
 * epochs counted from 0. The trainer sets the optimiser's rate at the start of every epoch.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** The multiplier of the base rate in epoch {@code epoch} (0-based). */
  double factor(int epoch);

  /** The rate for {@code epoch} given the base rate. */
  default double rate(double base, int epoch) {
    return base * factor(epoch);
  }

  /** Always the base rate. */
  static LearningRateSchedule constant() {
    return epoch -> 1.0;
  }

  /** Multiplied by {@code gamma} every {@code every} epochs: {@code γ^⌊e/every⌋}. */
  static LearningRateSchedule stepDecay(int every, double gamma) {
    if (every <= 0 || !(gamma > 0)) {
      throw new IllegalArgumentException(
          "stepDecay: need every > 0 and gamma > 0, got every=" + every + ", gamma=" + gamma);
    }
    return epoch -> Math.pow(gamma, epoch / every);
  }

  /** {@code γ^e}. */
  static LearningRateSchedule exponential(double gamma) {
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("exponential: gamma must be > 0, got " + gamma);
    }
    return epoch -> Math.pow(gamma, epoch);
  }

  /**
   * Cosine annealing from 1 to {@code minFactor} over {@code epochs}: {@code f(e) = m + (1 − m)(1 +
   * cos(π e / epochs))/2}, held at m afterwards.
   */
  static LearningRateSchedule cosine(int epochs, double minFactor) {
    if (epochs <= 0 || !(minFactor >= 0 && minFactor <= 1)) {
      throw new IllegalArgumentException(
          "cosine: need epochs > 0 and minFactor in [0, 1], got " + epochs + ", " + minFactor);
    }
    return epoch ->
        epoch >= epochs
            ? minFactor
            : minFactor + (1 - minFactor) * (1 + Math.cos(Math.PI * epoch / epochs)) / 2;
  }
}
