package org.vecgrad.nn.data;

import org.vecgrad.tensor.Tensor;

/** Classification counts from a score matrix. */
public final class Metrics {
  private Metrics() {}

  /**
   * Number of rows of {@code scores [b, c]} whose arg-max (first one on ties) equals the label.
   *
   * @throws IllegalArgumentException if the shapes disagree
   */
  public static int correct(Tensor scores, int[] labels) {
    if (scores.rank() != 2 || scores.shape().dim(0) != labels.length) {
      throw new IllegalArgumentException(
          "Metrics.correct: scores " + scores.shape() + " for " + labels.length + " labels");
    }
    int c = scores.shape().dim(1);
    double[] s = scores.readF64();
    int hits = 0;
    for (int i = 0; i < labels.length; i++) {
      int best = 0;
      for (int j = 1; j < c; j++) {
        if (s[i * c + j] > s[i * c + best]) {
          best = j;
        }
      }
      if (best == labels[i]) {
        hits++;
      }
    }
    return hits;
  }
}
