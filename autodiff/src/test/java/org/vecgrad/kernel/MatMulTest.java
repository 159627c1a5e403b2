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
import org.junit.jupiter.params.provider.MethodSource;

class MatMulTest {

  /** Shapes {m, n, k} around every boundary of the kernels: lanes, tiles, blocks, the paths. */
  static List<int[]> shapes() {
    int lanes = GemmF64.NR / 2;
    int mr = GemmF64.MR;
    int nr = GemmF64.NR;
    int kc = GemmF64.KC;
    int mc = GemmF64.MC;
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
      {129, 3, 257}
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
    for (int m : new int[] {mc - 1, mc, mc + 1}) {
      shapes.add(List.of(m, nr + 3, 70));
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> s : shapes) {
      out.add(new int[] {Math.max(0, s.get(0)), Math.max(0, s.get(1)), Math.max(0, s.get(2))});
    }
    return out;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (int[] s : shapes()) {
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          cases.add(Arguments.of(s[0], s[1], s[2], transA, transB));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
  @MethodSource("cases")
  void simdMatchesReferenceAndIsOneFmaChainPerElement(
      int m, int n, int k, boolean transA, boolean transB) {
    double[] a = random(m * k, 31L * m + 7 * n + k);
    double[] b = random(k * n, 17L * n + 3 * k + m);
    double[] expected = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, a, b, expected);
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(true);
      double[] c = gemm(transA, transB, m, n, k, a, b);
      assertClose(expected, c, bounds(transA, transB, m, n, k, a, b), k);
      // Every SIMD path computes C[i][j] as fma(A[i][k-1], B[k-1][j], ... fma(A[i][0], B[0][j],
      // 0)).
      assertArrayEquals(fmaChains(transA, transB, m, n, k, a, b), c);
    } finally {
      Simd.setEnabled(simd);
    }
  }

  @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
  @MethodSource("cases")
  void scalarMatchesReference(int m, int n, int k, boolean transA, boolean transB) {
    double[] a = random(m * k, 5L * m + 11 * n + k);
    double[] b = random(k * n, 13L * n + 2 * k + m);
    double[] expected = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, a, b, expected);
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(false);
      double[] c = gemm(transA, transB, m, n, k, a, b);
      assertClose(expected, c, bounds(transA, transB, m, n, k, a, b), k);
    } finally {
      Simd.setEnabled(simd);
    }
  }

  @Test
  void bitwiseIdenticalWhateverTheThreadCount() {
    int m = 300;
    int n = 300;
    int k = 300;
    double[] a = random(m * k, 1);
    double[] b = random(k * n, 2);
    int threads = Parallel.threads();
    boolean simd = Simd.enabled();
    try {
      Simd.setEnabled(true);
      for (boolean transA : new boolean[] {false, true}) {
        for (boolean transB : new boolean[] {false, true}) {
          Parallel.setThreads(1);
          double[] one = gemm(transA, transB, m, n, k, a, b);
          Parallel.setThreads(2);
          double[] two = gemm(transA, transB, m, n, k, a, b);
          double[] tall = gemm(transA, transB, m, 40, k, a, b); // split by rows instead
          double[] tallOne = new double[m * 40];
          Parallel.setThreads(1);
          MatMul.gemm(transA, transB, m, 40, k, a, b, tallOne);
          assertArrayEquals(one, two, "columns split, transA=" + transA + " transB=" + transB);
          assertArrayEquals(tallOne, tall, "rows split, transA=" + transA + " transB=" + transB);
        }
      }
    } finally {
      Parallel.setThreads(threads);
      Simd.setEnabled(simd);
    }
  }

  @Test
  void kZeroGivesZeros() {
    double[] c = new double[6];
    Arrays.fill(c, Double.NaN);
    MatMul.gemm(false, false, 2, 3, 0, new double[0], new double[0], c);
    assertArrayEquals(new double[6], c);
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
  }

  /** Runs gemm into a C prefilled with NaN, to prove that C is overwritten, not accumulated. */
  private static double[] gemm(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
    double[] c = new double[m * n];
    Arrays.fill(c, Double.NaN);
    MatMul.gemm(transA, transB, m, n, k, a, b, c);
    return c;
  }

  /** {@code Σp |A(i,p)|·|B(p,j)|}: the scale of the rounding error of element (i, j). */
  private static double[] bounds(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
    double[] bound = new double[m * n];
    MatMul.reference(transA, transB, m, n, k, abs(a), abs(b), bound);
    return bound;
  }

  private static void assertClose(double[] expected, double[] actual, double[] bound, int k) {
    double tolerance = 1e-12 * Math.max(1, k);
    for (int i = 0; i < expected.length; i++) {
      double error = Math.abs(expected[i] - actual[i]);
      if (!(error <= tolerance * bound[i])) {
        fail("element " + i + ": expected " + expected[i] + ", got " + actual[i]);
      }
    }
  }

  private static double[] fmaChains(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
    double[] c = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = transA ? a[p * m + i] : a[i * k + p];
          double y = transB ? b[j * k + p] : b[p * n + j];
          s = Math.fma(x, y, s);
        }
        c[i * n + j] = s;
      }
    }
    return c;
  }

  private static double[] abs(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.abs(x[i]);
    }
    return y;
  }

  private static double[] random(int size, long seed) {
    Random random = new Random(seed);
    double[] x = new double[size];
    for (int i = 0; i < size; i++) {
      x[i] = random.nextGaussian();
    }
    return x;
  }
}
