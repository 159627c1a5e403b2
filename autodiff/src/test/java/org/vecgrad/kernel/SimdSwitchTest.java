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
import org.vecgrad.kernel.KernelFixtures.Dt;

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
    for (Dt dt : Dt.values()) {
      for (int n : KernelFixtures.sizes()) {
        double[] x = dt.round(withSpecials(n, n));
        double[] y = dt.round(withSpecials(n, n + 1));
        withSimd(
            false,
            () -> {
              for (UnaryKernel k : unary) {
                double[] twin = new double[n];
                dt.mapScalar(k, x, 0, twin, 0, n);
                assertSameBits(k + " " + dt + " n=" + n, twin, dt.map(k, x));
              }
              for (BinaryKernel k : binary) {
                String what = k + " " + dt + " n=" + n;
                double[] twin = new double[n];
                double[] got = new double[n];
                dt.vv(k, false, x, 0, y, 0, twin, 0, n);
                dt.vvPublic(k, x, y, got, n);
                assertSameBits(what + " vv", twin, got);
                dt.vs(k, false, x, 0, 0.75, twin, 0, n);
                dt.vsPublic(k, x, 0.75, got, n);
                assertSameBits(what + " vs", twin, got);
                dt.sv(k, false, -1.5, y, 0, twin, 0, n);
                dt.svPublic(k, -1.5, y, got, n);
                assertSameBits(what + " sv", twin, got);
              }
              double[] sum = {0};
              for (int i = 0; i < n; i++) {
                if (i % Reduce.BLOCK == 0) {
                  // the block sums are added in the dtype's precision, as Reduce does
                  double b = dt.blockSum(false, x, i, Math.min(Reduce.BLOCK, n - i));
                  sum[0] = dt == Dt.F64 ? sum[0] + b : (float) sum[0] + (float) b;
                }
              }
              assertSameBits("sum " + dt + " n=" + n, sum, new double[] {dt.sum(x)});
              assertSameBits(
                  "max " + dt + " n=" + n,
                  new double[] {dt.maxScalar(x)},
                  new double[] {dt.max(x)});
            });
      }
    }
  }

  @Test
  void theSwitchChoosesBetweenSimdLoopAndTwin() {
    int[] simdCalls = {0};
    UnaryKernelF64 probe =
        new UnaryKernelF64("probe") {
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
