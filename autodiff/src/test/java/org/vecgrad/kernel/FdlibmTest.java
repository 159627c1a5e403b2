package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link Fdlibm} must return {@link StrictMath}'s bits for every argument: special values, both
 * sides of every branch threshold, and millions of random arguments spread over all exponents.
 */
class FdlibmTest {
  private static final double[] SPECIAL = {
    0.0,
    -0.0,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MIN_NORMAL,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    Double.NaN,
    Double.longBitsToDouble(0x7ff0000000000001L), // a signalling NaN
    1.0,
    -1.0,
    0.5,
    22.0,
    -22.0,
    709.78,
    709.79,
    -745.2,
    Math.log(2),
    1.5 * Math.log(2),
    56 * Math.log(2),
  };

  /** The high words fdlibm branches on; each is probed at and around its first double. */
  private static final int[] THRESHOLDS = {
    0x3c800000, 0x3c900000, 0x3fd62e42, 0x3ff00000, 0x3ff0a2b2, 0x40360000, 0x4043687a, 0x40862e42,
  };

  @Test
  void tanhEqualsStrictMathBitForBit() {
    assertMatches("tanh", Fdlibm::tanh, StrictMath::tanh);
  }

  @Test
  void expm1EqualsStrictMathBitForBit() {
    assertMatches("expm1", Fdlibm::expm1, StrictMath::expm1);
  }

  private static void assertMatches(
      String name, DoubleUnaryOperator ours, DoubleUnaryOperator reference) {
    for (double x : SPECIAL) {
      assertSame(name, x, ours, reference);
      assertSame(name, -x, ours, reference);
    }
    for (int high : THRESHOLDS) {
      double edge = Double.longBitsToDouble((long) high << 32);
      double x = edge;
      for (int i = 0; i < 64; i++) {
        x = Math.nextDown(x);
      }
      for (int i = 0; i < 128; i++, x = Math.nextUp(x)) {
        assertSame(name, x, ours, reference);
        assertSame(name, -x, ours, reference);
      }
    }
    SplittableRandom random = new SplittableRandom(20261122L);
    // every exponent, every mantissa: random bit patterns
    for (int i = 0; i < 1_000_000; i++) {
      assertSame(name, Double.longBitsToDouble(random.nextLong()), ours, reference);
    }
    // the ranges where the branches and the reduction's k values lie
    for (double range : new double[] {1e-8, 0.4, 1.2, 3, 25, 60, 750}) {
      for (int i = 0; i < 300_000; i++) {
        assertSame(name, random.nextDouble(-range, range), ours, reference);
      }
    }
  }

  private static void assertSame(
      String name, double x, DoubleUnaryOperator ours, DoubleUnaryOperator reference) {
    double expected = reference.applyAsDouble(x);
    double actual = ours.applyAsDouble(x);
    if (Double.isNaN(expected)) {
      assertEquals(true, Double.isNaN(actual), () -> name + "(" + x + ") should be NaN");
      return;
    }
    assertEquals(
        Double.doubleToRawLongBits(expected),
        Double.doubleToRawLongBits(actual),
        () -> name + "(" + x + " = " + Double.toHexString(x) + "): " + actual + " != " + expected);
  }
}
