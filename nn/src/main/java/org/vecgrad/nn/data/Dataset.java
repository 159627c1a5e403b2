package org.vecgrad.nn.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A labelled classification dataset: features {@code X [n, d]} (one sample per row, F64) and class
 * labels {@code 0 ≤ yᵢ < classes}. Immutable; subsets and splits copy.
 */
public final class Dataset {
  private final Tensor features;
  private final int[] labels;
  private final int classes;

  /**
   * A dataset.
   *
   * @throws IllegalArgumentException if X is not {@code [n, d]}, the label count differs from n, or
   *     a label is out of range
   */
  public Dataset(Tensor features, int[] labels, int classes) {
    if (features.rank() != 2) {
      throw new IllegalArgumentException(
          "Dataset: features must be [samples, features], got " + features.shape());
    }
    if (features.shape().dim(0) != labels.length) {
      throw new IllegalArgumentException(
          "Dataset: " + features.shape().dim(0) + " feature rows but " + labels.length + " labels");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("Dataset: classes must be >= 1, got " + classes);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            "Dataset: label " + labels[i] + " of sample " + i + " is outside [0, " + classes + ")");
      }
    }
    this.features = features.dtype() == DType.F64 ? features : features.cast(DType.F64);
    this.labels = labels.clone();
    this.classes = classes;
  }

  /** Number of samples. */
  public int size() {
    return labels.length;
  }

  /** Features per sample. */
  public int featureCount() {
    return features.shape().dim(1);
  }

  /** Number of classes. */
  public int classes() {
    return classes;
  }

  /** The features {@code [n, d]}. */
  public Tensor features() {
    return features;
  }

  /** Label of sample {@code i}. */
  public int label(int i) {
    return labels[i];
  }

  /** A copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /** The samples at {@code indices}, in that order, as a minibatch in {@code dtype}. */
  public Batch batch(int[] indices, DType dtype) {
    int d = featureCount();
    double[] src = features.readF64();
    double[] x = new double[indices.length * d];
    int[] y = new int[indices.length];
    for (int r = 0; r < indices.length; r++) {
      int i = indices[r];
      if (i < 0 || i >= labels.length) {
        throw new IllegalArgumentException(
            "Dataset.batch: index " + i + " outside [0, " + labels.length + ")");
      }
      System.arraycopy(src, i * d, x, r * d, d);
      y[r] = labels[i];
    }
    return new Batch(Tensor.wrap(Shape.of(indices.length, d), x, dtype), y, classes);
  }

  /** The samples at {@code indices} as a new dataset. */
  public Dataset subset(int[] indices) {
    Batch b = batch(indices, DType.F64);
    return new Dataset(b.x(), b.labels(), classes);
  }

  /** The first {@code n} samples (all if fewer). */
  public Dataset head(int n) {
    int m = Math.min(n, size());
    int[] idx = new int[m];
    Arrays.setAll(idx, i -> i);
    return subset(idx);
  }

  /** The same samples with new features (e.g. standardised), checked for shape. */
  public Dataset withFeatures(Tensor newFeatures) {
    if (newFeatures.rank() != 2 || newFeatures.shape().dim(0) != size()) {
      throw new IllegalArgumentException(
          "Dataset.withFeatures: need [" + size() + ", d], got " + newFeatures.shape());
    }
    return new Dataset(newFeatures, labels, classes);
  }

  /**
   * A seeded random split into training and validation sets (lecture 001: generalisation is
   * measured on data the optimiser never saw).
   *
   * @param validationFraction share of samples held out, in (0, 1)
   */
  public Split split(double validationFraction, long seed) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "Dataset.split: validation fraction must be in (0, 1), got " + validationFraction);
    }
    int nVal = (int) Math.round(size() * validationFraction);
    if (nVal == 0 || nVal == size()) {
      throw new IllegalArgumentException(
          "Dataset.split: fraction "
              + validationFraction
              + " of "
              + size()
              + " samples leaves one side empty");
    }
    int[] perm = Minibatches.permutation(size(), new SplittableRandom(seed));
    return new Split(
        subset(Arrays.copyOfRange(perm, nVal, size())), subset(Arrays.copyOfRange(perm, 0, nVal)));
  }

  /** A training set and the validation set held out from it. */
  public static final class Split {
    private final Dataset train;
    private final Dataset validation;

    Split(Dataset train, Dataset validation) {
      this.train = train;
      this.validation = validation;
    }

    /** The part to train on. */
    public Dataset train() {
      return train;
    }

    /** The held-out part. */
    public Dataset validation() {
      return validation;
    }
  }

  @Override
  public String toString() {
    return "Dataset("
        + size()
        + " samples × "
        + featureCount()
        + " features, "
        + classes
        + " classes)";
  }
}
