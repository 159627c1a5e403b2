package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.kernel.KernelFixtures.assertSameBits;
import static org.vecgrad.kernel.KernelFixtures.withSimd;
import static org.vecgrad.kernel.KernelFixtures.withSpecials;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code -Dvecgrad.simd=false} does: the property is read as documented, and with SIMD off
 * every public entry point of the kernel set runs its scalar twin (bit-for-bit equal to it, even
 * for the transcendental kernels whose vector lanes round differently).
 */
class SimdSwitchTest {
  @Test
  void propertyTurnsSimdOffOnlyForFalse() {
    assertTrue(Simd.parse(null));
    assertTrue(Simd.parse("true"));
    assertTrue(Simd.parse("yes"));
    assertFalse(Simd.parse("false"));
    assertFalse(Simd.parse(" FALSE "));
  }

  @Test
  void describeNamesTheLanes() {
    withSimd(true, () -> assertTrue(Simd.describe().startsWith("on, " + Simd.lanes() + " × f64")));
    withSimd(false, () -> assertTrue(Simd.describe().startsWith("off")));
    assertTrue(Simd.lanes() >= 2 && Integer.bitCount(Simd.lanes()) == 1, "lanes " + Simd.lanes());
  }

  @Test
  void withSimdOffEveryKernelIsItsScalarTwin() {
    List<UnaryKernel> unary =
        Stream.concat(UnaryKernelsTest.exact(), UnaryKernelsTest.smooth())
            .collect(Collectors.toList());
    List<BinaryKernel> binary = BinaryKernelsTest.kernels().collect(Collectors.toList());
    for (int n : KernelFixtures.sizes()) {
      double[] x = withSpecials(n, n);
      double[] y = withSpecials(n, n + 1);
      withSimd(
          false,
          () -> {
            for (UnaryKernel k : unary) {
              double[] twin = new double[n];
              k.mapScalar(x, 0, twin, 0, n);
              assertSameBits(k + " n=" + n, twin, k.map(x));
            }
            for (BinaryKernel k : binary) {
              double[] twin = new double[n];
              double[] got = new double[n];
              k.vvScalar(x, 0, y, 0, twin, 0, n);
              k.vv(x, 0, y, 0, got, 0, n);
              assertSameBits(k + " vv n=" + n, twin, got);
              k.vsScalar(x, 0, 0.75, twin, 0, n);
              k.vs(x, 0, 0.75, got, 0, n);
              assertSameBits(k + " vs n=" + n, twin, got);
              k.svScalar(-1.5, y, 0, twin, 0, n);
              k.sv(-1.5, y, 0, got, 0, n);
              assertSameBits(k + " sv n=" + n, twin, got);
            }
            double[] sum = {0};
            for (int i = 0; i < n; i++) {
              if (i % Reduce.BLOCK == 0) {
                sum[0] += BlockSums.sumScalar(x, i, Math.min(Reduce.BLOCK, n - i));
              }
            }
            assertSameBits("sum n=" + n, sum, new double[] {Reduce.sum(x)});
            assertSameBits(
                "max n=" + n,
                new double[] {Maxima.maxScalar(x, 0, n)},
                new double[] {Reduce.max(x)});
          });
    }
  }

  @Test
  void theSwitchChoosesBetweenSimdLoopAndTwin() {
    int[] simdCalls = {0};
    UnaryKernel probe =
        new UnaryKernel("probe") {
          @Override
          public double apply(double x) {
            return x + 1;
          }

          @Override
          protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
            simdCalls[0]++;
            super.mapSimd(x, xo, out, oo, n);
          }
        };
    double[] x = {1, 2, 3};
    withSimd(false, () -> probe.map(x));
    assertEquals(0, simdCalls[0]);
    withSimd(true, () -> probe.map(x));
    assertEquals(1, simdCalls[0]);
    assertSameBits("probe", new double[] {2, 3, 4}, probe.map(x));
  }
}
