package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.kernel.KernelFixtures.assertSameBits;
import static org.vecgrad.kernel.KernelFixtures.sizes;
import static org.vecgrad.kernel.KernelFixtures.withSpecials;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vecgrad.kernel.KernelFixtures.Dt;

/** Every binary SIMD loop against its scalar twin, bit for bit (all lanes here are IEEE-exact). */
class BinaryKernelsTest {
  static Stream<BinaryKernel> kernels() {
    return Stream.of(
        BinaryKernels.ADD,
        BinaryKernels.SUB,
        BinaryKernels.MUL,
        BinaryKernels.DIV,
        BinaryKernels.MAX,
        BinaryKernels.MIN,
        BinaryKernels.EQUAL);
  }

  /** {@link #kernels()} in each dtype. */
  static Stream<Arguments> kernelsInBothDtypes() {
    return kernels().flatMap(k -> Stream.of(Dt.values()).map(dt -> Arguments.of(k, dt)));
  }

  /** Repeated values for the vs/sv loops, including the awkward ones. */
  private static final double[] SCALARS = {2.5, -0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY};

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("kernelsInBothDtypes")
  void vectorVectorMatchesTwin(BinaryKernel k, Dt dt) {
    long seed = 1;
    for (int n : sizes()) {
      for (int off = 0; off < 3; off++) {
        int ao = off;
        int bo = 2 * off;
        int oo = 3 - off;
        double[] a = withSpecials(n + ao, seed++);
        double[] b = withSpecials(n + bo, seed++);
        if (n > 4) {
          System.arraycopy(a, ao, b, bo, n / 4); // equal pairs, so EQUAL sees ones
        }
        double[] simd = filled(n + oo);
        double[] scalar = filled(n + oo);
        dt.vv(k, true, a, ao, b, bo, simd, oo, n);
        dt.vv(k, false, a, ao, b, bo, scalar, oo, n);
        assertSameBits(k + " " + dt + " vv n=" + n + " off=" + off, scalar, simd);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("kernelsInBothDtypes")
  void vectorScalarAndScalarVectorMatchTwins(BinaryKernel k, Dt dt) {
    long seed = 100;
    for (int n : sizes()) {
      for (double y : SCALARS) {
        double[] a = withSpecials(n + 1, seed++);
        double[] simd = filled(n + 2);
        double[] scalar = filled(n + 2);
        dt.vs(k, true, a, 1, y, simd, 2, n);
        dt.vs(k, false, a, 1, y, scalar, 2, n);
        assertSameBits(k + " " + dt + " vs n=" + n + " y=" + y, scalar, simd);
        dt.sv(k, true, y, a, 1, simd, 0, n);
        dt.sv(k, false, y, a, 1, scalar, 0, n);
        assertSameBits(k + " " + dt + " sv n=" + n + " x=" + y, scalar, simd);
      }
    }
  }

  @Test
  void maxAndMinFollowMathOnSignedZerosAndNaN() {
    int n = 4 * KernelFixtures.LANES;
    double[] a = new double[n];
    double[] b = new double[n];
    double[][] pairs = {{-0.0, 0.0}, {0.0, -0.0}, {Double.NaN, 1}, {1, Double.NaN}, {-1, 2}};
    for (int i = 0; i < n; i++) {
      a[i] = pairs[i % pairs.length][0];
      b[i] = pairs[i % pairs.length][1];
    }
    double[] max = new double[n];
    double[] min = new double[n];
    BinaryKernels.MAX.vv(a, 0, b, 0, max, 0, n);
    BinaryKernels.MIN.vv(a, 0, b, 0, min, 0, n);
    double[] expectedMax = new double[n];
    double[] expectedMin = new double[n];
    for (int i = 0; i < n; i++) {
      expectedMax[i] = Math.max(a[i], b[i]);
      expectedMin[i] = Math.min(a[i], b[i]);
    }
    assertSameBits("max", expectedMax, max);
    assertSameBits("min", expectedMin, min);
    assertEquals(0.0, max[0]);
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(min[0]));
  }

  @Test
  void outputMayAliasAnInput() {
    double[] a = withSpecials(1000, 7);
    double[] b = withSpecials(1000, 8);
    double[] expected = new double[1000];
    BinaryKernels.SUB.f64().vvScalar(a, 0, b, 0, expected, 0, 1000);
    BinaryKernels.SUB.vv(a, 0, b, 0, a, 0, 1000);
    assertSameBits("sub in place", expected, a);
  }

  @Test
  void rangesThatDoNotFitAreRejectedWithTheKernelName() {
    double[] a = new double[8];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BinaryKernels.DIV.vv(a, 0, a, 4, a, 0, 5));
    assertTrue(e.getMessage().startsWith("div: b[offset 4, length 5]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BinaryKernels.ADD.vs(a, 0, 1, a, 4, 5));
    assertThrows(
        IllegalArgumentException.class, () -> BinaryKernels.ADD.f64().svScalar(1, a, 9, a, 0, 0));
    float[] f = new float[8];
    assertThrows(IllegalArgumentException.class, () -> BinaryKernels.ADD.vv(f, 0, f, 4, f, 0, 5));
  }

  private static double[] filled(int n) {
    double[] x = new double[n];
    Arrays.fill(x, 42);
    return x;
  }
}
