package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.stream.IntStream;

/** Inputs and comparisons shared by the kernel tests. */
final class KernelFixtures {
  private KernelFixtures() {}

  static final int LANES = Simd.lanes();

  /** The sizes every kernel is tested at: empty, single, around one and two vectors, large, odd. */
  static int[] sizes() {
    return IntStream.of(0, 1, LANES - 1, LANES, LANES + 1, 2 * LANES + 3, 1000, 4099)
        .distinct()
        .toArray();
  }

  /** Values in [-10, 10] with zeros of both signs, and large magnitudes (±700) sprinkled in. */
  static double[] values(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(16);
      x[i] =
          kind == 0
              ? 0.0
              : kind == 1
                  ? -0.0
                  : kind == 2
                      ? (r.nextBoolean() ? 700 : -700) * r.nextDouble()
                      : 20 * r.nextDouble() - 10;
    }
    return x;
  }

  /** {@link #values} plus NaN, ±∞ and the extremes of the double range. */
  static double[] withSpecials(int n, long seed) {
    double[] x = values(n, seed);
    double[] specials = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MAX_VALUE,
      -Double.MIN_VALUE,
      Double.MIN_NORMAL,
      745,
      -745,
      1e-300
    };
    Random r = new Random(seed ^ 0x5eed);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(8) == 0) {
        x[i] = specials[r.nextInt(specials.length)];
      }
    }
    return x;
  }

  /**
   * Bitwise equality per element (NaNs of any payload count as equal), naming the first mismatch.
   */
  static void assertSameBits(String what, double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }

  /**
   * Equality within {@code ulps} units in the last place of the expected value (NaN matches NaN,
   * infinities must match exactly); results below 2⁻¹⁰⁰⁰ may differ absolutely by as much, since
   * the vector math lanes need not be exact in the subnormal range.
   */
  static void assertClose(String what, double[] expected, double[] actual, int ulps) {
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean ok =
          Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
              || (Double.isNaN(e) && Double.isNaN(a))
              || (Double.isFinite(e)
                  && Double.isFinite(a)
                  && (Math.abs(a - e) <= ulps * Math.ulp(e) || Math.abs(a - e) <= 0x1p-1000));
      if (!ok) {
        fail(
            what
                + ": element "
                + i
                + " expected "
                + e
                + " but was "
                + a
                + " ("
                + (Math.abs(a - e) / Math.ulp(e))
                + " ulps)");
      }
    }
  }

  /** Runs {@code body} with SIMD switched to {@code on}, restoring the previous setting. */
  static void withSimd(boolean on, Runnable body) {
    boolean before = Simd.enabled();
    Simd.setEnabled(on);
    try {
      body.run();
    } finally {
      Simd.setEnabled(before);
    }
  }
}
