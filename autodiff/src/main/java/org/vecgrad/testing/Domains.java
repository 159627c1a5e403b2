package org.vecgrad.testing;

import java.util.SplittableRandom;
import java.util.function.DoublePredicate;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The input domains of the catalogue. Samples keep a margin of at least 0.5 from every kink or
 * boundary, so that the Taylor test's largest step (0.1, along a direction whose largest entry is
 * 1) never crosses one; {@link Domain#admits} asks for a smaller margin (0.02) of values computed
 * inside random graphs.
 */
public final class Domains {
  private Domains() {}

  /** Standard normal values. */
  public static final Domain ANY =
      of("any", (s, rng) -> Tensor.randn(s, rng).toDoubleArray(), v -> true);

  /** Uniform in [−1, 1]. */
  public static final Domain BOUNDED =
      of("bounded", (s, rng) -> Tensor.rand(s, -1, 1, rng).toDoubleArray(), v -> true);

  /** Uniform in [0.5, 2] (log, sqrt, fractional powers). */
  public static final Domain POSITIVE =
      of("positive", (s, rng) -> Tensor.rand(s, 0.5, 2, rng).toDoubleArray(), v -> v > 0.02);

  /** ±[0.5, 2] with random signs: away from the kink at 0 (abs, relu, step, sign, division). */
  public static final Domain AWAY_FROM_KINK =
      of(
          "away from kink",
          (s, rng) -> {
            double[] d = Tensor.rand(s, 0.5, 2, rng).toDoubleArray();
            for (int i = 0; i < d.length; i++) {
              d[i] = rng.nextBoolean() ? d[i] : -d[i];
            }
            return d;
          },
          v -> Math.abs(v) > 0.02);

  /**
   * ±1 with random signs (labels of the hinge loss). As a target of a smooth loss it is held fixed
   * or differentiated like any value.
   */
  public static final Domain SIGNS =
      of(
          "signs",
          (s, rng) -> {
            double[] d = new double[s.size()];
            for (int i = 0; i < d.length; i++) {
              d[i] = rng.nextBoolean() ? 1 : -1;
            }
            return d;
          },
          v -> true);

  /**
   * Margins of the hinge loss: |y| in [0, 0.5] or [1.5, 2.5], so that {@code 1 − y·t} stays at
   * least 0.5 from the kink for labels t = ±1.
   */
  public static final Domain HINGE_MARGIN =
      of(
          "hinge margin",
          (s, rng) -> {
            double[] d = new double[s.size()];
            for (int i = 0; i < d.length; i++) {
              double m = rng.nextBoolean() ? rng.nextDouble(0, 0.5) : rng.nextDouble(1.5, 2.5);
              d[i] = rng.nextBoolean() ? m : -m;
            }
            return d;
          },
          v -> true);

  /**
   * Distinct values at least 0.4 apart (a shuffled grid of step 0.5 with jitter below 0.1): max and
   * argmax have no ties, and small steps never change which element is largest.
   */
  public static final Domain DISTINCT =
      new Domain() {
        @Override
        public String name() {
          return "distinct";
        }

        @Override
        public Tensor sample(Shape shape, DType dtype, SplittableRandom rng) {
          int n = shape.size();
          double[] d = new double[n];
          for (int i = 0; i < n; i++) {
            d[i] = 0.5 * (i - n / 2.0) + 0.1 * rng.nextDouble();
          }
          for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = d[i];
            d[i] = d[j];
            d[j] = t;
          }
          return Tensor.wrap(shape, d, dtype);
        }

        @Override
        public boolean admits(Tensor value) {
          double[] d = value.toDoubleArray();
          java.util.Arrays.sort(d);
          for (int i = 1; i < d.length; i++) {
            if (d[i] - d[i - 1] < 0.02) {
              return false;
            }
          }
          return value.isFinite();
        }

        @Override
        public String toString() {
          return name();
        }
      };

  /** Rows that are one-hot along the last axis (targets of cross-entropy). */
  public static final Domain ONE_HOT =
      of(
          "one-hot",
          (s, rng) -> {
            double[] d = new double[s.size()];
            int c = s.rank() == 0 ? 1 : s.dim(s.rank() - 1);
            for (int row = 0; row * c < d.length; row++) {
              d[row * c + rng.nextInt(c)] = 1;
            }
            return d;
          },
          v -> true);

  /** Values in the shape's layout from a generator. */
  interface Values {
    double[] draw(Shape shape, SplittableRandom rng);
  }

  private static Domain of(String name, Values values, DoublePredicate safe) {
    return new Domain() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Tensor sample(Shape shape, DType dtype, SplittableRandom rng) {
        return Tensor.wrap(shape, values.draw(shape, rng), dtype);
      }

      @Override
      public boolean admits(Tensor value) {
        for (int i = 0; i < value.size(); i++) {
          double v = value.at(i);
          if (!Double.isFinite(v) || !safe.test(v)) {
            return false;
          }
        }
        return true;
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }
}
