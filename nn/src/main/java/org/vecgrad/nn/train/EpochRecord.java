package org.vecgrad.nn.train;

import java.util.Locale;

/**
 * One epoch of a {@link History}. Validation fields are NaN when no validation set was given.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean minibatch loss during the epoch (parameters moving)
 * @param trainAccuracy accuracy on the minibatches as they were seen
 * @param validationLoss loss on the validation set after the epoch
 * @param validationAccuracy accuracy on the validation set after the epoch
 * @param learningRate the rate used during the epoch
 * @param seconds wall time of the epoch's training steps
 * @param samplesPerSecond training throughput
 */
public record EpochRecord(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationLoss,
    double validationAccuracy,
    double learningRate,
    double seconds,
    double samplesPerSecond) {

  /** One log line, e.g. {@code epoch 2/5 train loss 0.4123 acc 85.1% val loss …}. */
  public String format(int epochs) {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "epoch %d/%d  train loss %.4f acc %.2f%%",
                epoch, epochs, trainLoss, 100 * trainAccuracy));
    if (!Double.isNaN(validationLoss)) {
      sb.append(
          String.format("  val loss %.4f acc %.2f%%", validationLoss, 100 * validationAccuracy));
    }
    sb.append(
        String.format(
            "%s  %.1f s (%.0f samples/s)",
            // a step without a learning rate (Gauss-Newton) reports NaN: say nothing then
            Double.isNaN(learningRate) ? "" : String.format(Locale.ROOT, "  lr %.3g", learningRate),
            seconds,
            samplesPerSecond));
    return sb.toString();
  }
}
