package org.vecgrad.nn.data;

import org.vecgrad.tensor.Tensor;

/** A minibatch: inputs {@code x [b, d]}, integer labels and their one-hot matrix {@code [b, c]}. */
public final class Batch {
  private final Tensor x;
  private final int[] labels;
  private final int classes;
  private Tensor oneHot;

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
