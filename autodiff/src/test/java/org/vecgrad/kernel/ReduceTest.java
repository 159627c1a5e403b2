package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.kernel.KernelFixtures.LANES;
import static org.vecgrad.kernel.KernelFixtures.assertSameBits;
import static org.vecgrad.kernel.KernelFixtures.values;
import static org.vecgrad.kernel.KernelFixtures.withSimd;
import static org.vecgrad.kernel.KernelFixtures.withSpecials;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.vecgrad.kernel.KernelFixtures.Dt;

/** Reductions: SIMD against lane-ordered twins, determinism, accuracy, axes against naive loops. */
class ReduceTest {
  /** Sizes around every boundary of the block order: lanes, four accumulators, one block. */
  static int[] reductionSizes() {
    int step = 4 * LANES;
    int fstep = 4 * KernelFixtures.F32_LANES;
    int b = Reduce.BLOCK;
    return IntStream.concat(
            IntStream.of(KernelFixtures.sizes()),
            IntStream.of(
                step - 1, step, step + 1, fstep - 1, fstep, fstep + 1, b - 1, b, b + 1, 3 * b + 7))
        .distinct()
        .toArray();
  }

  @ParameterizedTest
  @EnumSource(Dt.class)
  void blockSumAndDotMatchTheirLaneOrderedTwinsBitForBit(Dt dt) {
    // Repeated so that later rounds run JIT-compiled code; the same check also passes with
    // -Dtest.jvm.args="-XX:-TieredCompilation -Xbatch -XX:CompileThreshold=100" (C2 from the
    // start),
    // on JDK 17 and 25.
    for (int rep = 0; rep < 300; rep++) {
      for (int n : reductionSizes()) {
        if (n > Reduce.BLOCK) {
          continue;
        }
        double[] x = values(n + 3, n + rep);
        double[] y = values(n + 5, ~n - rep);
        assertEquals(
            Double.doubleToLongBits(dt.blockSum(false, x, 3, n)),
            Double.doubleToLongBits(dt.blockSum(true, x, 3, n)),
            dt + " sum n=" + n);
        assertEquals(
            Double.doubleToLongBits(dt.blockDot(false, x, 3, y, 5, n)),
            Double.doubleToLongBits(dt.blockDot(true, x, 3, y, 5, n)),
            dt + " dot n=" + n);
      }
    }
  }

  @Test
  void sumAndDotAreTheSameWithSimdOnAndOff() {
    for (int n : reductionSizes()) {
      double[] x = withSpecials(n + 1, n);
      double[] xf = values(n + 1, n); // finite, so the comparison is not just NaN = NaN
      double[] yf = values(n, 3 * n);
      double[][] results = new double[2][];
      for (int s = 0; s < 2; s++) {
        int k = s;
        withSimd(
            k == 0,
            () ->
                results[k] =
                    new double[] {
                      Reduce.sum(x, 1, n),
                      Reduce.sum(xf, 1, n),
                      Reduce.dot(xf, 1, yf, 0, n),
                      Reduce.max(xf, 1, n),
                      Reduce.max(x, 1, n),
                      Reduce.maxAbs(xf, 1, n),
                      Reduce.norm2(xf, 1, n)
                    });
      }
      assertSameBits("n=" + n, results[1], results[0]);
    }
  }

  @Test
  void sumIsCloseToTheExactSum() {
    Random r = new Random(11);
    int n = 30_011;
    double[] x = new double[n];
    BigDecimal exact = BigDecimal.ZERO;
    double abs = 0;
    for (int i = 0; i < n; i++) {
      x[i] = (r.nextDouble() - 0.3) * Math.pow(10, r.nextInt(7) - 3);
      exact = exact.add(new BigDecimal(x[i]));
      abs += Math.abs(x[i]);
    }
    double s = Reduce.sum(x);
    // Each element passes through at most BLOCK/LANES + LANES + 4 additions inside its block and
    // n/BLOCK between blocks: the classical bound for recursive summation over that depth.
    double depth = Reduce.BLOCK / (double) LANES + LANES + 4 + n / (double) Reduce.BLOCK;
    double bound = depth * Math.ulp(1.0) / 2 * abs;
    double err = Math.abs(new BigDecimal(s).subtract(exact).doubleValue());
    assertTrue(err <= bound, "error " + err + " above bound " + bound);
    assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(Reduce.sum(x)), "rerun");
    assertEquals(exact.doubleValue() / n, Reduce.mean(x, 0, n), bound / n);
  }

  @Test
  void largeSumsGiveTheSameBitsWhateverTheThreadCount() {
    int n = 3_000_017; // above the parallel threshold
    double[] x = new double[n];
    for (int i = 0; i < n; i++) { // a cheap hash in [-0.5, 0.5): no need for Random here
      x[i] = ((i * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53 - 0.5;
    }
    int before = Parallel.threads();
    double[] one = new double[2];
    double[] two = new double[2];
    try {
      Parallel.setThreads(1);
      one[0] = Reduce.sum(x);
      one[1] = Reduce.dot(x, x, n);
      Parallel.setThreads(2);
      two[0] = Reduce.sum(x);
      two[1] = Reduce.dot(x, x, n);
    } finally {
      Parallel.setThreads(before);
    }
    assertSameBits("1 vs 2 threads", one, two);
    // And both are the fixed block order: block sums added left to right.
    double blocks = 0;
    for (int start = 0; start < n; start += Reduce.BLOCK) {
      blocks += BlockSumsF64.sumScalar(x, start, Math.min(Reduce.BLOCK, n - start));
    }
    assertEquals(Double.doubleToLongBits(blocks), Double.doubleToLongBits(one[0]));
  }

  @Test
  void norm2AvoidsOverflowAndUnderflow() {
    double[][] cases = {
      {3e200, 4e200},
      {3e-200, 4e-200},
      {3e-320, 4e-320},
      {0, 0, 0},
      {},
      {-3, 4},
      {Double.MAX_VALUE, Double.MAX_VALUE},
      {1, Double.POSITIVE_INFINITY, Double.NaN},
      {1, Double.NaN},
      {-1, Double.NEGATIVE_INFINITY}
    };
    double[] expected = {
      5e200,
      5e-200,
      5e-320,
      0,
      0,
      5,
      Math.sqrt(2) * Double.MAX_VALUE,
      Double.NaN, // NaN propagates even next to an infinity
      Double.NaN,
      Double.POSITIVE_INFINITY
    };
    for (int c = 0; c < cases.length; c++) {
      double[] x = cases[c];
      for (boolean simd : new boolean[] {true, false}) {
        double[] got = new double[1];
        withSimd(simd, () -> got[0] = Reduce.norm2(x));
        if (Double.isFinite(expected[c]) && expected[c] > 0) {
          // 3e-320 and 4e-320 are subnormals with few significant bits: compare at their precision.
          double tol = Math.max(2 * Math.ulp(expected[c]), expected[c] < 1e-300 ? 1e-322 : 0);
          assertEquals(expected[c], got[0], tol, "norm2 case " + c);
        } else {
          assertEquals(expected[c], got[0], 0.0, "norm2 case " + c);
        }
      }
    }
    double[] x = values(4099, 9);
    BigDecimal ss = BigDecimal.ZERO;
    for (double v : x) {
      ss = ss.add(new BigDecimal(v).multiply(new BigDecimal(v)));
    }
    double exact = ss.sqrt(MathContext.DECIMAL64).doubleValue();
    assertEquals(exact, Reduce.norm2(x), 1e-14 * exact);
  }

  @Test
  void maximaPropagateNaNAndOrderSignedZeros() {
    for (int n : reductionSizes()) {
      if (n == 0) {
        assertEquals(Double.NEGATIVE_INFINITY, Reduce.max(new double[0]));
        assertEquals(0.0, Reduce.maxAbs(new double[0], 0, 0));
        continue;
      }
      double[] zeros = new double[n];
      java.util.Arrays.fill(zeros, -0.0);
      zeros[n - 1] = 0.0; // +0 in the tail or in the last vector: it must still win
      assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(Reduce.max(zeros)));
      double[] x = values(n, n);
      int at = new Random(n).nextInt(n);
      x[at] = Double.NaN;
      assertTrue(Double.isNaN(Reduce.max(x)), "NaN at " + at + " of " + n);
      assertTrue(Double.isNaN(Reduce.maxAbs(x, 0, n)), "maxAbs NaN at " + at + " of " + n);
    }
  }

  static Stream<Arguments> axisShapes() {
    int l = LANES;
    return Stream.of(
        Arguments.of(1, 7, 1),
        Arguments.of(5, 1000, 1),
        Arguments.of(3, 3 * Reduce.BLOCK + 5, 1),
        Arguments.of(4, 5, l + 1),
        Arguments.of(3, 2 * l + 3, 2 * l + 3),
        Arguments.of(2, 9, 1000),
        Arguments.of(7, 1, 3),
        Arguments.of(3, 0, 4),
        Arguments.of(2, 0, 1),
        Arguments.of(0, 3, 2));
  }

  @ParameterizedTest
  @MethodSource("axisShapes")
  void axisReductionsMatchNaiveLoops(int outer, int axis, int inner) {
    double[] x = withSpecials(outer * axis * inner, outer * 31 + axis * 7 + inner);
    double[] small = new double[x.length]; // small integers: many ties for argmax
    Random r = new Random(axis);
    for (int i = 0; i < small.length; i++) {
      small[i] = r.nextInt(5) == 0 ? Double.NaN : r.nextInt(4) - 2;
    }
    for (boolean simd : new boolean[] {true, false}) {
      double[] sum = new double[outer * inner];
      double[] max = new double[outer * inner];
      int[] arg = new int[outer * inner];
      int[] argSmall = new int[outer * inner];
      withSimd(
          simd,
          () -> {
            Reduce.sumAxis(x, outer, axis, inner, sum);
            Reduce.maxAxis(x, outer, axis, inner, max);
            Reduce.argmaxAxis(x, outer, axis, inner, arg);
            Reduce.argmaxAxis(small, outer, axis, inner, argSmall);
          });
      String what = "[" + outer + ", " + axis + ", " + inner + "] simd=" + simd;
      for (int o = 0; o < outer; o++) {
        for (int i = 0; i < inner; i++) {
          double s = 0;
          double m = Double.NEGATIVE_INFINITY;
          for (int a = 0; a < axis; a++) {
            double v = x[(o * axis + a) * inner + i];
            s += v;
            m = Math.max(m, v);
          }
          int j = o * inner + i;
          if (inner > 1) { // same order per element as the naive loop
            assertEquals(Double.doubleToLongBits(s), Double.doubleToLongBits(sum[j]), what);
          } else { // a contiguous run: the blocked sum
            double[] ref = new double[1];
            int oo = o;
            withSimd(simd, () -> ref[0] = Reduce.sum(x, oo * axis, axis));
            assertEquals(Double.doubleToLongBits(ref[0]), Double.doubleToLongBits(sum[j]), what);
          }
          assertEquals(Double.doubleToLongBits(m), Double.doubleToLongBits(max[j]), what);
          assertEquals(firstMax(x, o, axis, inner, i), arg[j], what + " argmax at " + j);
          assertEquals(firstMax(small, o, axis, inner, i), argSmall[j], what + " ties at " + j);
        }
      }
    }
  }

  @Test
  void badAxisViewsAreRejected() {
    double[] x = new double[12];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Reduce.sumAxis(x, 2, 3, 3, new double[6]));
    assertTrue(
        e.getMessage().startsWith("sumAxis: x of length 12 viewed as [2, 3, 3]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Reduce.maxAxis(x, 2, 3, 2, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> Reduce.argmaxAxis(x, -2, -3, 2, new int[4]));
    assertThrows(IllegalArgumentException.class, () -> Reduce.sum(x, 10, 3));
    assertThrows(IllegalArgumentException.class, () -> Reduce.dot(x, x, 13));
  }

  @Test
  void argmaxPicksTheFirstOfEqualMaxima() {
    double[] x = {1, 3, -0.0, 3, 0.0, Double.NaN, Double.NaN};
    int[] out = new int[1];
    for (boolean simd : new boolean[] {true, false}) {
      withSimd(simd, () -> Reduce.argmaxAxis(java.util.Arrays.copyOf(x, 5), 1, 5, 1, out));
      assertArrayEquals(new int[] {1}, out);
      withSimd(simd, () -> Reduce.argmaxAxis(x, 1, 7, 1, out));
      assertArrayEquals(new int[] {5}, out);
    }
  }

  /** The definition of argmax: strictly greater replaces, and the first NaN beats any number. */
  private static int firstMax(double[] x, int o, int axis, int inner, int i) {
    int best = 0;
    double bv = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < axis; a++) {
      double v = x[(o * axis + a) * inner + i];
      if (v > bv || (Double.isNaN(v) && !Double.isNaN(bv))) {
        bv = v;
        best = a;
      }
    }
    return best;
  }
}
