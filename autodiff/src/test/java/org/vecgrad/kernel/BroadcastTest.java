package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.kernel.KernelFixtures.assertSameBits;
import static org.vecgrad.kernel.KernelFixtures.withSimd;
import static org.vecgrad.kernel.KernelFixtures.withSpecials;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broadcasting against a naive loop over every output multi-index, with SIMD on and off. */
class BroadcastTest {
  static Stream<Arguments> cases() {
    int l = KernelFixtures.LANES;
    return Stream.of(
        Arguments.of(new int[] {7, 13}, new int[] {7, 13}, new int[] {7, 13}), // same shape
        Arguments.of(new int[] {5, 11}, new int[] {5, 11}, new int[] {1, 1}), // scalar right
        Arguments.of(new int[] {5, 11}, new int[] {1, 1}, new int[] {5, 11}), // scalar left
        Arguments.of(new int[] {9, 2 * l + 3}, new int[] {9, 2 * l + 3}, new int[] {1, 2 * l + 3}),
        Arguments.of(new int[] {9, 2 * l + 3}, new int[] {1, 2 * l + 3}, new int[] {9, 2 * l + 3}),
        Arguments.of(new int[] {6, l + 1}, new int[] {6, l + 1}, new int[] {6, 1}), // column
        Arguments.of(new int[] {6, l + 1}, new int[] {6, 1}, new int[] {6, l + 1}),
        Arguments.of(new int[] {6, l - 1}, new int[] {6, 1}, new int[] {1, l - 1}), // outer sum
        Arguments.of(new int[] {3, 5, 7}, new int[] {3, 1, 7}, new int[] {1, 5, 1}), // rank 3
        Arguments.of(new int[] {2, 3, 4, 5}, new int[] {2, 1, 4, 5}, new int[] {1, 3, 1, 1}),
        Arguments.of(new int[] {4, 1, 9}, new int[] {4, 1, 9}, new int[] {1, 1, 9}), // size-1 dims
        Arguments.of(new int[] {3, 7, 1}, new int[] {3, 1, 1}, new int[] {3, 7, 1}),
        Arguments.of(new int[] {1000, 5}, new int[] {1000, 5}, new int[] {1, 5}),
        Arguments.of(new int[] {3, 4}, new int[] {3, 1}, new int[] {3, 1}), // both repeated
        Arguments.of(new int[] {4, 0, 3}, new int[] {4, 1, 3}, new int[] {4, 0, 3}), // empty
        Arguments.of(new int[] {}, new int[] {}, new int[] {})); // rank 0
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesNaiveMultiIndexLoop(int[] outDims, int[] aDims, int[] bDims) {
    double[] a = withSpecials(size(aDims), 1);
    double[] b = withSpecials(size(bDims), 2);
    for (BinaryKernel k :
        new BinaryKernel[] {BinaryKernels.SUB, BinaryKernels.DIV, BinaryKernels.MAX}) {
      double[] expected = naive(k, outDims, a, aDims, b, bDims);
      for (boolean simd : new boolean[] {true, false}) {
        double[] out = new double[expected.length];
        withSimd(simd, () -> Broadcast.apply(k, outDims, a, aDims, b, bDims, out));
        assertSameBits(k + " simd=" + simd, expected, out);
      }
      // F32: the float twin on the rounded inputs, against the float definition
      float[] af = KernelFixtures.narrow(a);
      float[] bf = KernelFixtures.narrow(b);
      double[] expectedF = new double[expected.length];
      int[] idx = new int[outDims.length];
      for (int flat = 0; flat < expectedF.length; flat++) {
        int rem = flat;
        for (int d = outDims.length - 1; d >= 0; d--) {
          idx[d] = rem % outDims[d];
          rem /= outDims[d];
        }
        expectedF[flat] = k.apply(af[offset(idx, aDims)], bf[offset(idx, bDims)]);
      }
      for (boolean simd : new boolean[] {true, false}) {
        float[] out = new float[expected.length];
        withSimd(simd, () -> Broadcast.apply(k, outDims, af, aDims, bf, bDims, out));
        assertSameBits(k + " f32 simd=" + simd, expectedF, KernelFixtures.widen(out));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sumToMatchesNaiveAccumulationAndIgnoresTheSwitch(int[] outDims, int[] aDims, int[] bDims) {
    double[] g = KernelFixtures.values(size(outDims), 3);
    for (int[] small : new int[][] {aDims, bDims}) {
      double[] expected = new double[size(small)];
      double[] scale = new double[expected.length];
      int[] idx = new int[outDims.length];
      for (int flat = 0; flat < g.length; flat++) {
        int rem = flat;
        for (int d = outDims.length - 1; d >= 0; d--) {
          idx[d] = rem % outDims[d];
          rem /= outDims[d];
        }
        expected[offset(idx, small)] += g[flat];
        scale[offset(idx, small)] += Math.abs(g[flat]);
      }
      double[][] got = new double[2][expected.length];
      withSimd(true, () -> Broadcast.sumTo(g, outDims, got[0], small));
      withSimd(false, () -> Broadcast.sumTo(g, outDims, got[1], small));
      assertSameBits("sumTo simd on/off", got[1], got[0]);
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[j], got[0][j], 1e-13 * scale[j], "sumTo element " + j);
      }
      // F32: summed in float, within float rounding of the exact sum of the rounded inputs
      float[] gf = KernelFixtures.narrow(g);
      double[] exactF = new double[expected.length];
      for (int flat = 0; flat < g.length; flat++) {
        int rem = flat;
        for (int d = outDims.length - 1; d >= 0; d--) {
          idx[d] = rem % outDims[d];
          rem /= outDims[d];
        }
        exactF[offset(idx, small)] += gf[flat];
      }
      float[][] gotF = new float[2][expected.length];
      withSimd(true, () -> Broadcast.sumTo(gf, outDims, gotF[0], small));
      withSimd(false, () -> Broadcast.sumTo(gf, outDims, gotF[1], small));
      assertSameBits(
          "sumTo f32 simd on/off", KernelFixtures.widen(gotF[1]), KernelFixtures.widen(gotF[0]));
      for (int j = 0; j < expected.length; j++) {
        assertEquals(exactF[j], gotF[0][j], 1e-5 * scale[j] + 1e-30, "sumTo f32 element " + j);
      }
    }
  }

  @Test
  void sumToRejectsShapesThatDoNotBroadcast() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Broadcast.sumTo(new double[6], new int[] {2, 3}, new double[2], new int[] {2, 2}));
    assertTrue(e.getMessage().startsWith("sumTo: summing [2, 3] to [2, 2]"), e.getMessage());
  }

  @Test
  void badShapesAreRejectedNamingTheKernelAndShapes() {
    double[] six = new double[6];
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Broadcast.apply(
                    BinaryKernels.ADD,
                    new int[] {2, 3},
                    six,
                    new int[] {2, 3},
                    six,
                    new int[] {3, 2},
                    six));
    assertTrue(
        e.getMessage().contains("add: broadcasting a [2, 3] and b [3, 2] to [2, 3]"),
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Broadcast.apply(
                BinaryKernels.ADD,
                new int[] {2, 3},
                six,
                new int[] {6},
                six,
                new int[] {2, 3},
                six));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Broadcast.apply(
                BinaryKernels.ADD,
                new int[] {2, 3},
                six,
                new int[] {2, 3},
                new double[5],
                new int[] {2, 3},
                six));
  }

  /** out[idx] = f(a[idx with broadcast dims at 0], b[likewise]), enumerating every multi-index. */
  private static double[] naive(
      BinaryKernel k, int[] outDims, double[] a, int[] aDims, double[] b, int[] bDims) {
    int n = size(outDims);
    double[] out = new double[n];
    int[] idx = new int[outDims.length];
    for (int flat = 0; flat < n; flat++) {
      int rem = flat;
      for (int d = outDims.length - 1; d >= 0; d--) {
        idx[d] = rem % outDims[d];
        rem /= outDims[d];
      }
      out[flat] = k.apply(a[offset(idx, aDims)], b[offset(idx, bDims)]);
    }
    return out;
  }

  private static int offset(int[] idx, int[] dims) {
    int off = 0;
    for (int d = 0; d < dims.length; d++) {
      off = off * dims[d] + (dims[d] == 1 ? 0 : idx[d]);
    }
    return off;
  }

  private static int size(int[] dims) {
    int s = 1;
    for (int d : dims) {
      s *= d;
    }
    return s;
  }
}
