package org.vecgrad.testing;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;

/** Generators of random shapes (small: the checks differentiate every element). */
public final class Shapes {
  private Shapes() {}

  /** A shape of rank in [minRank, maxRank] with dimensions in [1, maxDim]. */
  public static Shape random(SplittableRandom rng, int minRank, int maxRank, int maxDim) {
    int rank = minRank + rng.nextInt(maxRank - minRank + 1);
    int[] d = new int[rank];
    for (int i = 0; i < rank; i++) {
      d[i] = 1 + rng.nextInt(maxDim);
    }
    return Shape.of(d);
  }

  /** A matrix shape with both dimensions in [1, maxDim]. */
  public static Shape matrix(SplittableRandom rng, int maxDim) {
    return Shape.of(1 + rng.nextInt(maxDim), 1 + rng.nextInt(maxDim));
  }

  /**
   * A shape that broadcasts to {@code big}: some leading axes dropped, some others set to 1 (the
   * numpy rules).
   */
  public static Shape broadcastable(Shape big, SplittableRandom rng) {
    int drop = rng.nextInt(big.rank() + 1);
    int[] d = new int[big.rank() - drop];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextInt(3) == 0 ? 1 : big.dim(i + drop);
    }
    return Shape.of(d);
  }

  /**
   * Two shapes of a broadcasting binary op: equal, or one broadcasting to the other, in random
   * order.
   */
  public static Shape[] broadcastPair(SplittableRandom rng) {
    Shape big = random(rng, 0, 3, 3);
    Shape other = rng.nextInt(3) == 0 ? big : broadcastable(big, rng);
    return rng.nextBoolean() ? new Shape[] {big, other} : new Shape[] {other, big};
  }

  /** A random valid axis of {@code s} (sometimes negative, counting from the end). */
  public static int axis(Shape s, SplittableRandom rng) {
    int a = rng.nextInt(s.rank());
    return rng.nextBoolean() ? a : a - s.rank();
  }
}
