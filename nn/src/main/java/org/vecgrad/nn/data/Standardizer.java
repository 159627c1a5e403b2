package org.vecgrad.nn.data;

import org.vecgrad.tensor.Tensor;

/**
 * Per-feature standardisation {@code x' = (x − μ)/s}, with μ and s estimated on the training set
 * only (statistics from validation or test data would leak them into training). A feature that is
 * constant in the training set ({@code s < 1e-8}, e.g. an always-black border pixel) is only
 * centred: dividing by its tiny spread would blow up noise in unseen data.
 */
public final class Standardizer {
  private static final double MIN_STD = 1e-8;
  private final double[] mean;
  private final double[] scale;

  private Standardizer(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Estimates μ and s (population standard deviation) per feature of {@code train}. */
  public static Standardizer fit(Dataset train) {
    int n = train.size();
    int d = train.featureCount();
    double[] x = train.features().readF64();
    double[] mean = new double[d];
    double[] var = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double c = x[i * d + j] - mean[j];
        var[j] += c * c;
      }
    }
    double[] scale = new double[d];
    for (int j = 0; j < d; j++) {
      double s = Math.sqrt(var[j] / n);
      scale[j] = s < MIN_STD ? 1 : s;
    }
    return new Standardizer(mean, scale);
  }

  /**
   * The dataset with standardised features.
   *
   * @throws IllegalArgumentException if its feature count differs from the fitted one
   */
  public Dataset apply(Dataset data) {
    int d = mean.length;
    if (data.featureCount() != d) {
      throw new IllegalArgumentException(
          "Standardizer.apply: fitted on " + d + " features, got " + data.featureCount());
    }
    double[] x = data.features().readF64();
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int j = i % d;
      out[i] = (x[i] - mean[j]) / scale[j];
    }
    return data.withFeatures(Tensor.wrap(data.features().shape(), out));
  }

  /** The fitted means (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** The fitted scales (a copy; 1 for constant features). */
  public double[] scale() {
    return scale.clone();
  }
}
