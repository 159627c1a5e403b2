package org.vecgrad.nn.data;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Seeded synthetic classification data, for tests and for training without any download.
 *
 * <p>{@link #blobs}: {@code classes} Gaussian clusters in {@code features} dimensions. Centres are
 * drawn as {@code N(0, separation²)} per coordinate, samples as centre {@code + N(0, 1)}; with
 * separation around 1 the clusters overlap, so accuracy below 100% is expected and an untrained
 * model scores about {@code 1/classes}.
 */
public final class Synthetic {
  private Synthetic() {}

  /**
   * {@code n} samples of Gaussian blobs with balanced classes (sample i has class i mod classes).
   */
  public static Dataset blobs(int n, int features, int classes, double separation, long seed) {
    if (n <= 0 || features <= 0 || classes < 2 || !(separation > 0)) {
      throw new IllegalArgumentException(
          "Synthetic.blobs: need n > 0, features > 0, classes >= 2, separation > 0; got n="
              + n
              + ", features="
              + features
              + ", classes="
              + classes
              + ", separation="
              + separation);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    double[] centres = new double[classes * features];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = separation * rng.nextGaussian();
    }
    double[] x = new double[n * features];
    int[] y = new int[n];
    int[] order = Minibatches.permutation(n, rng);
    for (int i = 0; i < n; i++) {
      int c = order[i] % classes;
      y[i] = c;
      for (int j = 0; j < features; j++) {
        x[i * features + j] = centres[c * features + j] + rng.nextGaussian();
      }
    }
    return new Dataset(Tensor.wrap(Shape.of(n, features), x), y, classes);
  }
}
