package org.vecgrad.kernel;

/**
 * {@link StrictMath#tanh} and {@link StrictMath#expm1} written in Java, bit for bit: the same
 * fdlibm algorithms (Sun's freely distributable math library, which {@code StrictMath} is specified
 * to reproduce), so every result equals {@code StrictMath}'s, and {@code Math.tanh} is allowed to
 * return it.
 *
 * <p>Why: on JDK 17 both functions reach fdlibm's C code through JNI, about 40–70 ns per call on
 * this project's machine, which made {@code tanh} the largest single cost of a recorded scalar
 * {@code tanh} op (the tape's own work is ~25 ns per op). Compiled by C2, this code takes a few ns.
 * JDK 21 ships the same port inside {@code java.base} ({@code FdLibm}); the project targets 17.
 * {@code FdlibmTest} compares both functions with {@code StrictMath} on special values, every
 * branch boundary and millions of random arguments.
 *
 * <p>The SIMD kernels do not call this: their vector lanes use the Vector API's own math.
 */
final class Fdlibm {
  private Fdlibm() {}

  private static final double TINY = 1.0e-300;
  private static final double HUGE = 1.0e+300;
  private static final double OVERFLOW_THRESHOLD = 7.09782712893383973096e+02;
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  private static final double INV_LN2 = 1.44269504088896338700e+00;

  // Coefficients of the rational approximation R1(r²) of expm1 on [-ln2/2, ln2/2] (fdlibm's).
  private static final double Q1 = -3.33333333333331316428e-02;
  private static final double Q2 = 1.58730158725481460165e-03;
  private static final double Q3 = -7.93650757867487942473e-05;
  private static final double Q4 = 4.00821782732936239552e-06;
  private static final double Q5 = -2.01099218183624371326e-07;

  /**
   * tanh(x), equal to {@link StrictMath#tanh}.
   *
   * <p>With {@code t = expm1(2|x|)}: {@code tanh|x| = 1 − 2/(t + 2)} for {@code |x| ≥ 1}; with
   * {@code t = expm1(−2|x|)}: {@code tanh|x| = −t/(t + 2)} below 1 (no cancellation); {@code x}
   * itself below 2⁻⁵⁵; 1 (rounded from {@code 1 − tiny}) from 22 on; the sign of x restored last.
   */
  static double tanh(double x) {
    int high = highWord(x);
    int ix = high & 0x7fffffff;
    if (ix >= 0x7ff00000) { // ±∞ → ±1, NaN → NaN
      return high >= 0 ? 1 / x + 1 : 1 / x - 1;
    }
    double z;
    if (ix < 0x40360000) { // |x| < 22
      if (ix < 0x3c800000) { // |x| < 2⁻⁵⁵: tanh x = x (keeps -0.0)
        return x * (1 + x);
      }
      if (ix >= 0x3ff00000) { // |x| ≥ 1
        double t = expm1(2 * Math.abs(x));
        z = 1 - 2 / (t + 2);
      } else {
        double t = expm1(-2 * Math.abs(x));
        z = -t / (t + 2);
      }
    } else {
      z = 1 - TINY;
    }
    return high >= 0 ? z : -z;
  }

  /**
   * e^x − 1, equal to {@link StrictMath#expm1}.
   *
   * <p>Reduce {@code x = k·ln2 + r} with {@code |r| ≤ ln2/2} (ln2 split in a high and a low part,
   * {@code c} carrying the reduction's rounding error); approximate {@code expm1(r)} by {@code r +
   * r²/2 + r³·R(r)} through fdlibm's rational form in {@code r²}; then scale by 2ᵏ, subtracting 1
   * in the order that loses least for each range of k.
   */
  static double expm1(double x) {
    int high = highWord(x);
    boolean negative = high < 0;
    int hx = high & 0x7fffffff;

    // huge and non-finite arguments
    if (hx >= 0x4043687a) { // |x| ≥ 56·ln2
      if (hx >= 0x40862e42) { // |x| ≥ 709.78
        if (hx >= 0x7ff00000) {
          if (((hx & 0xfffff) | lowWord(x)) != 0) {
            return x + x; // NaN
          }
          return negative ? -1.0 : x; // expm1(±∞) = {-1, ∞}
        }
        if (x > OVERFLOW_THRESHOLD) {
          return HUGE * HUGE; // overflow
        }
      }
      if (negative && x + TINY < 0.0) {
        return TINY - 1; // -1 with inexact
      }
    }

    // argument reduction
    int k;
    double c = 0;
    if (hx > 0x3fd62e42) { // |x| > ln2/2
      double hi;
      double lo;
      if (hx < 0x3ff0a2b2) { // and |x| < 1.5·ln2
        if (!negative) {
          hi = x - LN2_HI;
          lo = LN2_LO;
          k = 1;
        } else {
          hi = x + LN2_HI;
          lo = -LN2_LO;
          k = -1;
        }
      } else {
        k = (int) (INV_LN2 * x + (negative ? -0.5 : 0.5));
        double t = k;
        hi = x - t * LN2_HI; // exact: t·LN2_HI has few significant bits
        lo = t * LN2_LO;
      }
      x = hi - lo;
      c = (hi - x) - lo;
    } else if (hx < 0x3c900000) { // |x| < 2⁻⁵⁴: expm1 x = x (fdlibm also raises inexact)
      return x;
    } else {
      k = 0;
    }

    // x is now in [-ln2/2, ln2/2]
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3.0 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0) {
      return x - (x * e - hxs); // c is 0
    }
    e = x * (e - c) - c;
    e -= hxs;
    if (k == -1) {
      return 0.5 * (x - e) - 0.5;
    }
    if (k == 1) {
      return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1 + 2.0 * (x - e);
    }
    if (k <= -2 || k > 56) { // exp(x) - 1 loses nothing here
      double y = 1 - (e - x);
      return scaleByPowerOfTwo(y, k) - 1;
    }
    if (k < 20) {
      double oneMinusTwoToMinusK = fromHighWord(0x3ff00000 - (0x200000 >> k)); // 1 - 2⁻ᵏ
      double y = oneMinusTwoToMinusK - (e - x);
      return scaleByPowerOfTwo(y, k);
    }
    double twoToMinusK = fromHighWord((0x3ff - k) << 20); // 2⁻ᵏ
    double y = x - (e + twoToMinusK);
    y += 1;
    return scaleByPowerOfTwo(y, k);
  }

  /**
   * Adds k to the exponent field, as fdlibm's {@code __HI(y) += k << 20}: y·2ᵏ without rounding.
   */
  private static double scaleByPowerOfTwo(double y, int k) {
    return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
  }

  private static int highWord(double x) {
    return (int) (Double.doubleToRawLongBits(x) >>> 32);
  }

  private static int lowWord(double x) {
    return (int) Double.doubleToRawLongBits(x);
  }

  private static double fromHighWord(int high) {
    return Double.longBitsToDouble((long) high << 32);
  }
}
