package org.vecgrad.nn.data;

import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * One-hot encoding: label {@code k} becomes the unit row {@code e_k} (lecture 000's "perfect
 * outputs").
 */
public final class OneHot {
  private OneHot() {}

  /**
   * {@code [n, classes]} with a 1 at {@code (i, labels[i])}.
   *
   * @throws IllegalArgumentException for a label outside {@code [0, classes)}
   */
  public static Tensor encode(int[] labels, int classes, DType dtype) {
    double[] d = new double[labels.length * classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "OneHot.encode: label " + labels[i] + " at " + i + " outside [0, " + classes + ")");
      }
      d[i * classes + labels[i]] = 1;
    }
    return Tensor.wrap(Shape.of(labels.length, classes), d, dtype);
  }
}
