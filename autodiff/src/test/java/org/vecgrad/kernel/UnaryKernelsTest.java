package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.kernel.KernelFixtures.assertClose;
import static org.vecgrad.kernel.KernelFixtures.assertSameBits;
import static org.vecgrad.kernel.KernelFixtures.sizes;
import static org.vecgrad.kernel.KernelFixtures.withSpecials;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vecgrad.kernel.KernelFixtures.Dt;

/** Every unary SIMD loop against its scalar twin, and the definitions against the math. */
class UnaryKernelsTest {
  /** Kernels whose lanes are IEEE-exact: SIMD and scalar must agree bit for bit. */
  static Stream<UnaryKernel> exact() {
    return Stream.of(
        UnaryKernels.NEG,
        UnaryKernels.ABS,
        UnaryKernels.SIGN,
        UnaryKernels.SQUARE,
        UnaryKernels.SQRT,
        UnaryKernels.RELU,
        UnaryKernels.STEP,
        UnaryKernels.scale(-2.5),
        UnaryKernels.pow(2),
        UnaryKernels.pow(1));
  }

  /** Kernels built on the vector math lanes: within a few ulps of {@link Math}. */
  static Stream<UnaryKernel> smooth() {
    return Stream.of(
        UnaryKernels.EXP,
        UnaryKernels.LOG,
        UnaryKernels.TANH,
        UnaryKernels.SIGMOID,
        UnaryKernels.SOFTPLUS,
        UnaryKernels.pow(3),
        UnaryKernels.pow(0.5),
        UnaryKernels.pow(-1.5));
  }

  /** {@link #exact()} in each dtype. */
  static Stream<Arguments> exactInBothDtypes() {
    return exact().flatMap(k -> Stream.of(Dt.values()).map(dt -> Arguments.of(k, dt)));
  }

  /** {@link #smooth()} in each dtype. */
  static Stream<Arguments> smoothInBothDtypes() {
    return smooth().flatMap(k -> Stream.of(Dt.values()).map(dt -> Arguments.of(k, dt)));
  }

  private static final int[][] OFFSETS = {{0, 0}, {3, 5}, {1, 0}};

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("exactInBothDtypes")
  void exactKernelsMatchTheirScalarTwinBitForBit(UnaryKernel k, Dt dt) {
    compareWithTwin(k, dt, (what, scalar, simd) -> assertSameBits(what, scalar, simd));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("smoothInBothDtypes")
  void smoothKernelsMatchTheirScalarTwinWithinUlps(UnaryKernel k, Dt dt) {
    compareWithTwin(k, dt, (what, scalar, simd) -> assertClose(dt, what, scalar, simd, 4));
  }

  /**
   * The F32 kernels against the exact function: the float SIMD loop is within a few float ulps of
   * the double result rounded to float (inputs in [-10, 10] plus specials, so nothing saturates
   * ambiguously).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("smooth")
  void floatKernelsAreWithinFloatUlpsOfTheDoubleResult(UnaryKernel k) {
    double[] x = Dt.F32.round(withSpecials(4099, 31));
    double[] exact = KernelFixtures.widen(KernelFixtures.narrow(scalar(k, x)));
    double[] got = new double[x.length];
    Dt.F32.mapSimd(k, x, 0, got, 0, x.length);
    assertClose(Dt.F32, k + " f32 vs f64", exact, got, 4);
  }

  /**
   * The vector math lanes only round differently from {@link Math} once the JIT has compiled the
   * loop with C2 (before that the Vector API falls back to {@code Math} per lane), so this test
   * keeps comparing, within a time budget, until every smooth kernel has shown compiled results (a
   * difference from its twin) or the budget is spent. Every round must be within 4 ulps.
   */
  @Test
  void smoothKernelsStayWithinUlpsOnceCompiled() {
    List<UnaryKernel> kernels = smooth().collect(Collectors.toList());
    Set<String> compiled = new HashSet<>();
    double[] x = withSpecials(4099, 23);
    double[] simd = new double[x.length];
    double[] scalar = new double[x.length];
    long deadline = System.nanoTime() + 3_000_000_000L;
    while (compiled.size() < 2 * kernels.size() && System.nanoTime() < deadline) {
      for (UnaryKernel k : kernels) {
        for (Dt dt : Dt.values()) {
          dt.mapSimd(k, x, 0, simd, 0, x.length);
          dt.mapScalar(k, x, 0, scalar, 0, x.length);
          assertClose(dt, k + " " + dt + " (warming up)", scalar, simd, 4);
          if (!Arrays.equals(scalar, simd)) {
            compiled.add(k + " " + dt);
          }
        }
      }
    }
  }

  private interface Comparison {
    void check(String what, double[] scalar, double[] simd);
  }

  private static void compareWithTwin(UnaryKernel k, Dt dt, Comparison cmp) {
    long seed = 17;
    for (int n : sizes()) {
      for (int[] off : OFFSETS) {
        int xo = off[0];
        int oo = off[1];
        double[] x = withSpecials(n + xo + 2, seed++);
        double[] simd = new double[n + oo + 2];
        double[] scalar = new double[n + oo + 2];
        Arrays.fill(simd, 42);
        Arrays.fill(scalar, 42);
        dt.mapSimd(k, x, xo, simd, oo, n);
        dt.mapScalar(k, x, xo, scalar, oo, n);
        String what = k + " " + dt + " n=" + n + " xo=" + xo + " oo=" + oo;
        cmp.check(what, scalar, simd);
        for (int i = 0; i < simd.length; i++) {
          if (i < oo || i >= oo + n) {
            assertEquals(42, simd[i], what + ": wrote outside its range at " + i);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("exact")
  void inPlaceMapEqualsOutOfPlace(UnaryKernel k) {
    double[] x = withSpecials(4099, 5);
    double[] expected = k.map(x);
    k.map(x, 0, x, 0, x.length);
    assertSameBits(k + " in place", expected, x);
    float[] f = KernelFixtures.narrow(withSpecials(4099, 5));
    float[] expectedF = k.map(f);
    k.map(f, 0, f, 0, f.length);
    assertSameBits(k + " in place f32", KernelFixtures.widen(expectedF), KernelFixtures.widen(f));
  }

  @Test
  void longRunsSplitAcrossThreadsGiveTheSameBits() {
    // A costly kernel with exact lanes (the math lanes could round differently once the JIT
    // compiles them mid-test), counting its SIMD calls to see the split happen.
    AtomicInteger calls = new AtomicInteger();
    UnaryKernelF64 costly =
        new UnaryKernelF64("costly-square", 100) {
          @Override
          public double apply(double x) {
            return x * x;
          }

          @Override
          protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
            calls.incrementAndGet();
            UnaryKernelsF64.SQUARE.mapSimd(x, xo, out, oo, n);
          }
        };
    int n = 5 * UnaryKernelF64.GRAIN + 5;
    double[] x = withSpecials(n + 3, 77);
    double[] whole = new double[n + 1];
    UnaryKernels.SQUARE.mapSimd(x, 3, whole, 1, n);
    int before = Parallel.threads();
    try {
      for (int threads = 1; threads <= 2; threads++) {
        Parallel.setThreads(threads);
        calls.set(0);
        double[] out = new double[n + 1];
        KernelFixtures.withSimd(true, () -> costly.map(x, 3, out, 1, n));
        assertSameBits("on " + threads + " thread(s)", whole, out);
        assertTrue(threads == 1 ? calls.get() == 1 : calls.get() > 1, calls + " SIMD calls");
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void sigmoidIsStableAndAccurateForLargeMagnitudes() {
    double[] x = new double[1401];
    for (int i = 0; i < x.length; i++) {
      x[i] = i - 700; // -700 .. 700
    }
    for (double[] y :
        new double[][] {UnaryKernels.SIGMOID.map(x), scalar(UnaryKernels.SIGMOID, x)}) {
      for (int i = 0; i < x.length; i++) {
        assertTrue(y[i] >= 0 && y[i] <= 1, "σ(" + x[i] + ") = " + y[i]);
        if (i > 0) {
          assertTrue(y[i] >= y[i - 1], "σ not monotone at " + x[i]);
        }
        // σ(x) + σ(−x) = 1 and, in the left tail, σ(x) ≈ eˣ with full relative precision.
        assertEquals(1.0, y[i] + y[x.length - 1 - i], 1e-15);
        if (x[i] <= -40) {
          assertEquals(Math.exp(x[i]), y[i], 1e-14 * Math.exp(x[i]), "σ(" + x[i] + ")");
        }
        if (Math.abs(x[i]) <= 30) {
          assertEquals(1 / (1 + Math.exp(-x[i])), y[i], 1e-15, "σ(" + x[i] + ")");
        }
      }
      assertEquals(0.5, y[700]);
    }
  }

  @Test
  void softplusIsStableForLargeMagnitudes() {
    double[] x = {-745, -700, -40, -1, 0, 1, 40, 700, 745, 1e300};
    for (double[] y :
        new double[][] {UnaryKernels.SOFTPLUS.map(x), scalar(UnaryKernels.SOFTPLUS, x)}) {
      for (int i = 0; i < x.length; i++) {
        assertTrue(Double.isFinite(y[i]) && y[i] >= 0, "softplus(" + x[i] + ") = " + y[i]);
        double expected =
            x[i] > 30 ? x[i] : x[i] < -30 ? Math.exp(x[i]) : Math.log(1 + Math.exp(x[i]));
        assertEquals(expected, y[i], 1e-14 * Math.max(expected, Double.MIN_VALUE));
      }
    }
  }

  @Test
  void tanhIsAccurateOnADenseGrid() {
    // Dense over [-3, 3), tiny values, and the saturated tail.
    double[] x = new double[6000 + 8];
    for (int k = 0; k < 6000; k++) {
      x[k] = (k - 3000) * 1e-3;
    }
    double s = 0.5;
    double[] edges = {
      s, Math.nextUp(s), Math.nextDown(s), -s, 1e-300, -1e-10, Double.MIN_VALUE, 19.5
    };
    System.arraycopy(edges, 0, x, 6000, edges.length);
    double[] y = new double[x.length];
    double[] expected = new double[x.length];
    UnaryKernels.TANH.mapSimd(x, 0, y, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      expected[i] = Math.tanh(x[i]);
    }
    assertClose("tanh", expected, y, 4);
  }

  @Test
  void tanhIsOddAndSaturates() {
    double[] x = withSpecials(1000, 3);
    double[] y = UnaryKernels.TANH.map(x);
    double[] negY = UnaryKernels.TANH.map(UnaryKernels.NEG.map(x));
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i])) {
        assertTrue(Math.abs(y[i]) <= 1, "tanh(" + x[i] + ") = " + y[i]);
        assertEquals(-y[i], negY[i], 0.0, "tanh(-x) = -tanh(x) at " + x[i]);
      }
    }
    assertEquals(1.0, UnaryKernels.TANH.map(new double[] {700})[0]);
  }

  @Test
  void reluPropagatesNaNAndClearsNegativeZero() {
    double[] x = {
      Double.NaN, -0.0, -3, 0.0, 2.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY
    };
    double[] expected = {Double.NaN, 0.0, 0.0, 0.0, 2.5, 0.0, Double.POSITIVE_INFINITY};
    double[] padded = Arrays.copyOf(x, 64); // long enough for the vector loop to see them too
    double[] y = UnaryKernels.RELU.map(padded);
    assertSameBits("relu", expected, Arrays.copyOf(y, x.length));
    assertSameBits("relu scalar", expected, scalar(UnaryKernels.RELU, x));
    double[] step = UnaryKernels.STEP.map(padded);
    assertSameBits("step", new double[] {0, 0, 0, 0, 1, 0, 1}, Arrays.copyOf(step, x.length));
  }

  @Test
  void signAndPowFollowMath() {
    double[] x = Arrays.copyOf(new double[] {-2, -0.0, 0.0, 3, Double.NaN, -0.5}, 32);
    double[] sign = UnaryKernels.SIGN.map(x);
    double[] cube = UnaryKernels.pow(3).map(x);
    double[] expectedSign = new double[x.length];
    double[] expectedCube = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expectedSign[i] = Math.signum(x[i]);
      expectedCube[i] = Math.pow(x[i], 3);
    }
    assertSameBits("sign", expectedSign, sign);
    assertClose("pow(3)", expectedCube, cube, 2);
    assertEquals(-8.0, cube[0], 1e-15);
  }

  @Test
  void rangesThatDoNotFitAreRejectedWithTheKernelName() {
    double[] x = new double[10];
    double[] out = new double[10];
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UnaryKernels.EXP.map(x, 5, out, 0, 6));
    assertTrue(e.getMessage().startsWith("exp: x[offset 5, length 6]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UnaryKernels.RELU.map(x, 0, out, -1, 3));
    assertThrows(
        IllegalArgumentException.class, () -> UnaryKernels.RELU.mapScalar(x, 0, out, 8, 3));
  }

  private static double[] scalar(UnaryKernel k, double[] x) {
    double[] out = new double[x.length];
    k.mapScalar(x, 0, out, 0, x.length);
    return out;
  }
}
