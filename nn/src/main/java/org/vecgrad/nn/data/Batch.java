package org.vecgrad.nn.data;

import org.vecgrad.tensor.Tensor;

/**
 * A minibatch: inputs {@code x [b, d]}, integer labels and the target rows {@code [b, c]}: the
 * labels one-hot, or given soft targets (probability rows, as in lecture 002's inverse crime).
 */
public final class Batch {
  private final Tensor x;
  private final int[] labels;
  private final int classes;
  private Tensor oneHot;
  private Tensor soft;

  /** A batch of {@code x} rows with their labels. */
  public Batch(Tensor x, int[] labels, int classes) {
    if (x.rank() != 2 || x.shape().dim(0) != labels.length) {
      throw new IllegalArgumentException(
          "Batch: x " + x.shape() + " does not have one row per label (" + labels.length + ")");
    }
    this.x = x;
    this.labels = labels.clone();
    this.classes = classes;
  }

  /**
   * A batch with soft targets (one probability row per input); its labels are the rows' arg-max.
   *
   * @throws IllegalArgumentException if the shapes do not match
   */
  public static Batch soft(Tensor x, Tensor targets) {
    if (targets.rank() != 2 || x.rank() != 2 || targets.shape().dim(0) != x.shape().dim(0)) {
      throw new IllegalArgumentException(
          "Batch.soft: x " + x.shape() + " and targets " + targets.shape() + " need one row each");
    }
    int c = targets.shape().dim(1);
    int[] labels = new int[targets.shape().dim(0)];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 1; j < c; j++) {
        if (targets.get(i, j) > targets.get(i, labels[i])) {
          labels[i] = j;
        }
      }
    }
    Batch b = new Batch(x, labels, c);
    b.soft = targets;
    return b;
  }

  /** The target rows: the soft targets if given, else the labels one-hot. */
  public Tensor targets() {
    return soft != null ? soft : oneHot();
  }

  /** The inputs. */
  public Tensor x() {
    return x;
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** Number of rows. */
  public int size() {
    return labels.length;
  }

  /** The labels one-hot, in the dtype of x (computed once). */
  public Tensor oneHot() {
    if (oneHot == null) {
      oneHot = OneHot.encode(labels, classes, x.dtype());
    }
    return oneHot;
  }

  /** Number of rows whose largest score in {@code scores [b, c]} is at the true label. */
  public int correct(Tensor scores) {
    return Metrics.correct(scores, labels);
  }
}
