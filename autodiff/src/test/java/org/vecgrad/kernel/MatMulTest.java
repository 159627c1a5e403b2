package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MatMulTest {

  /** Shapes {m, n, k} around every boundary of the kernels: lanes, tiles, blocks, the paths. */
  static List<int[]> shapes(Dtype dtype) {
    int lanes = dtype.nr / 2;
    int mr = dtype.mr;
    int nr = dtype.nr;
    int kc = dtype.kc;
    int mc = dtype.mc;
    Set<List<Integer>> shapes = new LinkedHashSet<>();
    int[][] fixed = {
      {0, 0, 0},
      {0, 5, 3},
      {5, 0, 3},
      {4, 5, 0},
      {1, 1, 1},
      {1, 1, 7},
      {2, 3, 1},
      {7, 13, 5},
      {33, 65, 17},
      {64, 64, 64},
      {100, 37, 91},
      // skinny shapes of an MLP layer and its backward pass
      {32, 256, 784},
      {128, 10, 256},
      {1, 300, 200},
      {300, 1, 200},
      {200, 300, 1},
      {3, 257, 129},
      {129, 3, 257},
      // a dense layer's x·Wᵀ at small batches, with full and short panels and tiles, over one or
      // several k blocks
      {64, 256, 784},
      {40, 250, 600},
      {17, 61, 1100},
      // x·Wᵀ computed as (W·xᵀ)ᵀ over two B panels (MatMulF64.fewRowsForSwap): rows that fill the
      // second panel exactly or leave it short, at 512-bit (16-column F64 panels) and 256-bit
      // widths
      {32, 250, 300},
      {28, 97, 257},
      {31, 256, 784},
      {16, 250, 300},
      {14, 97, 257},
      // two to five columns of a row-major A, large enough to pack as Cᵀ
      {517, 2, 70},
      {200, 5, 100}
    };
    for (int[] s : fixed) {
      shapes.add(List.of(s[0], s[1], s[2]));
    }
    for (int d : new int[] {lanes - 1, lanes, lanes + 1, nr - 1, nr, nr + 1, 2 * nr + 3}) {
      shapes.add(List.of(d, d, d));
      shapes.add(List.of(2 * mr + 1, d, 40));
      shapes.add(List.of(d, 3 * nr + 1, 40));
    }
    for (int d : new int[] {mr - 1, mr, mr + 1, 3 * mr - 1}) {
      shapes.add(List.of(d, 2 * nr + 1, 50));
    }
    // k blocks, row blocks: packed path with one or two blocks and thin remainders
    for (int k : new int[] {kc - 1, kc, kc + 1, 2 * kc + 3}) {
      shapes.add(List.of(mr + 3, nr + 5, k));
    }
    // enough rows for the shared B path, whose k blocks may hold several chunks of kc
    for (int k : new int[] {kc + 1, 2 * kc - 1, 2 * kc + 1, 4 * kc + 3}) {
      shapes.add(List.of(4 * mr + 1, nr + 5, k));
    }
    for (int m : new int[] {mc - 1, mc, mc + 1}) {
      shapes.add(List.of(m, nr + 3, 70));
    }
    // fewer columns than a panel, on either side of MatMulF64.fillsPanel (direct or as Cᵀ): the
    // fill of five eighths of a panel, four register tiles of rows
    int fill = (5 * nr + 7) / 8;
    for (int[] s : new int[][] {{4 * mr, fill}, {4 * mr - 1, fill}, {4 * mr, fill - 1}}) {
      shapes.add(List.of(s[0], s[1], 300));
      shapes.add(List.of(s[0] + 61, s[1], 2 * kc + 3));
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> s : shapes) {
      out.add(new int[] {Math.max(0, s.get(0)), Math.max(0, s.get(1)), Math.max(0, s.get(2))});
    }
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Dtype dtype : Dtype.values()) {
      for (int[] s : shapes(dtype)) {
        for (boolean transA : new boolean[] {false, true}) {
          for (boolean transB : new boolean[] {false, true}) {
            cases.add(Arguments.of(dtype, s[0], s[1], s[2], transA, transB));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}x{2}x{3} transA={4} transB={5}")
  @MethodSource("cases")
  void simdMatchesReferenceAndIsOneFmaChainPerElement(
      Dtype dtype, int m, int n, int k, boolean transA, boolean transB) {
    double[] a = random(dtype, m * k, 31L * m + 7 * n + k);
    double[] b = random(dtype, k * n, 17L * n + 3 * k + m);
    double[] expected = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, a, b, expected);
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(true);
      double[] c = dtype.gemm(transA, transB, m, n, k, a, b);
      assertClose(dtype, expected, c, bounds(transA, transB, m, n, k, a, b), k);
      // Every SIMD path computes C[i][j] as fma(A[i][k-1], B[k-1][j], ... fma(A[i][0], B[0][j],
      // 0)), rounded in the dtype.
      assertArrayEquals(dtype.fmaChains(transA, transB, m, n, k, a, b), c);
    } finally {
      Simd.setEnabled(simd);
    }
  }

  @ParameterizedTest(name = "{0} {1}x{2}x{3} transA={4} transB={5}")
  @MethodSource("cases")
  void scalarMatchesReference(Dtype dtype, int m, int n, int k, boolean transA, boolean transB) {
    double[] a = random(dtype, m * k, 5L * m + 11 * n + k);
    double[] b = random(dtype, k * n, 13L * n + 2 * k + m);
    double[] expected = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, a, b, expected);
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(false);
      double[] c = dtype.gemm(transA, transB, m, n, k, a, b);
      assertClose(dtype, expected, c, bounds(transA, transB, m, n, k, a, b), k);
    } finally {
      Simd.setEnabled(simd);
    }
  }

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void bitwiseIdenticalWhateverTheThreadCount(Dtype dtype) {
    int m = 300;
    int n = 300;
    int k = 300;
    double[] a = random(dtype, m * k, 1);
    double[] b = random(dtype, k * n, 2);
    int threads = Parallel.threads();
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(true);
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          Parallel.setThreads(1);
          double[] one = dtype.gemm(transA, transB, m, n, k, a, b);
          double[] tallOne = dtype.gemm(transA, transB, m, 40, k, a, b);
          Parallel.setThreads(2);
          double[] two = dtype.gemm(transA, transB, m, n, k, a, b);
          double[] tall = dtype.gemm(transA, transB, m, 40, k, a, b); // split by rows instead
          assertArrayEquals(one, two, "columns split, transA=" + transA + " transB=" + transB);
          assertArrayEquals(tallOne, tall, "rows split, transA=" + transA + " transB=" + transB);
        }
      }
    } finally {
      Parallel.setThreads(threads);
      Simd.setEnabled(simd);
    }
  }

  @ParameterizedTest
  @EnumSource(Dtype.class)
  void kZeroGivesZeros(Dtype dtype) {
    assertArrayEquals(
        new double[6], dtype.gemm(false, false, 2, 3, 0, new double[0], new double[0]));
  }

  @Test
  void rejectsBadArguments() {
    double[] x = new double[4];
    assertThrows(
        IllegalArgumentException.class, () -> MatMul.gemm(false, false, -1, 2, 2, x, x, x));
    assertThrows(IllegalArgumentException.class, () -> MatMul.gemm(false, false, 2, 2, 3, x, x, x));
    assertThrows(
        IllegalArgumentException.class,
        () -> MatMul.gemm(false, false, 2, 3, 2, x, new double[6], x));
    float[] f = new float[4];
    assertThrows(IllegalArgumentException.class, () -> MatMul.gemm(false, false, 2, 2, 3, f, f, f));
    assertThrows(
        IllegalArgumentException.class, () -> MatMul.reference(false, false, 2, 2, 3, f, f, f));
  }

  /**
   * The dtypes under test. Operands are held as doubles (for F32, values that floats represent
   * exactly), and results come back as doubles, so that one test body serves both.
   */
  enum Dtype {
    F64(GemmF64.MR, GemmF64.NR, GemmF64.KC, GemmF64.MC, 1e-12),
    F32(GemmF32.MR, GemmF32.NR, GemmF32.KC, GemmF32.MC, 1e-6);

    final int mr;
    final int nr;
    final int kc;
    final int mc;

    /** Relative error allowed per step of k, against a double reference. */
    final double tolerance;

    Dtype(int mr, int nr, int kc, int mc, double tolerance) {
      this.mr = mr;
      this.nr = nr;
      this.kc = kc;
      this.mc = mc;
      this.tolerance = tolerance;
    }

    /** Runs gemm into a C prefilled with NaN, to prove that C is overwritten, not accumulated. */
    double[] gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
      if (this == F64) {
        double[] c = new double[m * n];
        Arrays.fill(c, Double.NaN);
        MatMul.gemm(transA, transB, m, n, k, a, b, c);
        return c;
      }
      float[] c = new float[m * n];
      Arrays.fill(c, Float.NaN);
      MatMul.gemm(transA, transB, m, n, k, toFloat(a), toFloat(b), c);
      return toDouble(c);
    }

    /** {@code C[i][j] = fma(A[i][k-1], B[k-1][j], ... fma(A[i][0], B[0][j], 0))} in this dtype. */
    double[] fmaChains(
        boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
      double[] c = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          float f = 0;
          for (int p = 0; p < k; p++) {
            double x = transA ? a[p * m + i] : a[i * k + p];
            double y = transB ? b[j * k + p] : b[p * n + j];
            s = Math.fma(x, y, s);
            f = Math.fma((float) x, (float) y, f);
          }
          c[i * n + j] = this == F64 ? s : f;
        }
      }
      return c;
    }

    /** A value of this dtype: doubles as they are, floats rounded. */
    double round(double x) {
      return this == F64 ? x : (float) x;
    }
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  private static double[] toDouble(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  /** {@code Σp |A(i,p)|·|B(p,j)|}: the scale of the rounding error of element (i, j). */
  private static double[] bounds(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
    double[] bound = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, abs(a), abs(b), bound);
    return bound;
  }

  private static void assertClose(
      Dtype dtype, double[] expected, double[] actual, double[] bound, int k) {
    double tolerance = dtype.tolerance * Math.max(1, k);
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(expected[i] - actual[i]);
      if (!(error <= tolerance * bound[i])) {
        fail("element " + i + ": expected " + expected[i] + ", got " + actual[i]);
      }
    }
  }

  private static double[] abs(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.abs(x[i]);
    }
    return y;
  }

  private static double[] random(Dtype dtype, int size, long seed) {
    Random random = new Random(seed);
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = dtype.round(random.nextGaussian());
    }
    return x;
  }
}
