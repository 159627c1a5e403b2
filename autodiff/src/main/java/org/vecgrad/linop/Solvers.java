package org.vecgrad.linop;

import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;

/** Checks and random probes shared by the iterative solvers. */
final class Solvers {
  private Solvers() {}

  /** The common shape of a square operator (domain = range). */
  static Shape requireSquare(String where, LinearOperator a) {
    if (a == null) {
      throw new IllegalArgumentException(where + ": operator is null");
    }
    if (!a.domain().equals(a.range())) {
      throw new IllegalArgumentException(
          where
              + ": "
              + a.describe()
              + " maps "
              + a.domain()
              + " to "
              + a.range()
              + "; a square (symmetric) operator is needed");
    }
    return a.domain();
  }

  /** A standard normal vector of length n. */
  static double[] gaussian(int n, SplittableRandom rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }

  /** A Rademacher vector (±1 with probability ½ each) of length n. */
  static double[] rademacher(int n, SplittableRandom rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextBoolean() ? 1 : -1;
    }
    return v;
  }

  static void requirePositive(String where, String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(where + ": " + what + " = " + value + " must be ≥ 1");
    }
  }
}
