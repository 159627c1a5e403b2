package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.step;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Counts the linear pieces of one random ReLU layer {@code v ↦ ReLU(Av + b)} on ℝ^m (lecture 001):
 * each piece is a cell of the arrangement of the N hyperplanes {@code aᵢ·v + bᵢ = 0}, and has its
 * own activation pattern {@code [Av + b > 0]}. For hyperplanes in general position the count is
 * {@code r(N, m) = Σ_{i=0}^m C(N, i)}.
 *
 * <p>The count is measured, not assumed: every bounded cell has a vertex (m hyperplanes meeting),
 * so probing a little off each vertex in all 2^m sign directions reaches every bounded cell; the
 * unbounded cells are probed the same way around the vertices of the central arrangement at
 * infinity. The patterns of the probe points come from the network's own forward pass ({@code
 * step(V·Aᵀ + b)}) and the distinct ones are counted.
 */
final class ReluRegions {
  private ReluRegions() {}

  /** {@code r(N, m) = Σ_{i=0}^m C(N, i)}. */
  static long formula(int n, int m) {
    long sum = 0;
    long c = 1; // C(n, 0)
    for (int i = 0; i <= m && i <= n; i++) {
      sum += c;
      c = c * (n - i) / (i + 1);
    }
    return sum;
  }

  /** Measures the number of linear pieces of a seeded random layer with n neurons on ℝ^m. */
  static int measure(int n, int m, long seed) {
    if (m < 1 || m > 3) {
      throw new IllegalArgumentException("ReluRegions.measure: m must be 1, 2 or 3, got " + m);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor a = Tensor.randn(Shape.of(n, m), rng);
    Tensor b = Tensor.randn(Shape.of(n), rng);
    double eps = 1e-7;
    List<double[]> finite = new ArrayList<>();
    for (int[] subset : subsets(n, m)) {
      double[] vertex = solve(rows(a, subset), negate(pick(b, subset)));
      if (vertex == null) {
        continue;
      }
      for (double[] d : offsets(rows(a, subset), eps)) {
        finite.add(plus(vertex, d));
      }
    }
    Set<String> patterns = new HashSet<>();
    if (!finite.isEmpty()) {
      patterns.addAll(patternsOf(a, b, finite, false));
    }
    patterns.addAll(patternsOf(a, b, directionsAtInfinity(a, n, m, eps), true));
    return patterns.size();
  }

  /** The activation patterns {@code [A·v + b > 0]} of a batch of points, by the layer itself. */
  private static Set<String> patternsOf(
      Tensor a, Tensor b, List<double[]> pts, boolean atInfinity) {
    int m = a.shape().dim(1);
    double[] flat = new double[pts.size() * m];
    for (int i = 0; i < pts.size(); i++) {
      System.arraycopy(pts.get(i), 0, flat, i * m, m);
    }
    Var v = Var.constant(Tensor.of(Shape.of(pts.size(), m), flat));
    Var pre = matmul(v, Var.constant(a), false, true); // V·Aᵀ
    Tensor mask = step(atInfinity ? pre : add(pre, Var.constant(b))).value();
    Set<String> out = new HashSet<>();
    int n = a.shape().dim(0);
    for (int i = 0; i < pts.size(); i++) {
      StringBuilder sb = new StringBuilder(n);
      for (int k = 0; k < n; k++) {
        sb.append(mask.get(i, k) > 0 ? '1' : '0');
      }
      out.add(sb.toString());
    }
    return out;
  }

  /**
   * Probe directions for the unbounded cells: around each vertex of the central arrangement {@code
   * aᵢ·d = 0} on the sphere (m−1 hyperplanes meeting along a line), plus the axis directions.
   */
  private static List<double[]> directionsAtInfinity(Tensor a, int n, int m, double eps) {
    List<double[]> dirs = new ArrayList<>();
    for (int axis = 0; axis < m; axis++) {
      double[] e = new double[m];
      e[axis] = 1;
      dirs.add(e);
      dirs.add(negate(e));
    }
    if (m == 1) {
      return dirs;
    }
    for (int[] subset : subsets(n, m - 1)) {
      double[][] rows = rows(a, subset);
      double[] line = nullDirection(rows, m);
      for (double sign : new double[] {1, -1}) {
        double[] d0 = scale(line, sign);
        double[][] system = new double[m][];
        System.arraycopy(rows, 0, system, 0, m - 1);
        system[m - 1] = d0; // keep the offset orthogonal to the line
        for (double[] s : signVectors(m - 1)) {
          double[] rhs = new double[m];
          for (int i = 0; i < m - 1; i++) {
            rhs[i] = eps * s[i];
          }
          double[] p = solve(system, rhs);
          if (p != null) {
            dirs.add(plus(d0, p));
          }
        }
      }
    }
    return dirs;
  }

  /** A unit vector orthogonal to the m−1 given rows (m = 2: a perpendicular; m = 3: a cross). */
  private static double[] nullDirection(double[][] rows, int m) {
    double[] d =
        m == 2
            ? new double[] {-rows[0][1], rows[0][0]}
            : new double[] {
              rows[0][1] * rows[1][2] - rows[0][2] * rows[1][1],
              rows[0][2] * rows[1][0] - rows[0][0] * rows[1][2],
              rows[0][0] * rows[1][1] - rows[0][1] * rows[1][0]
            };
    double norm = Math.sqrt(dot(d, d));
    return scale(d, 1 / norm);
  }

  /**
   * For a vertex of the hyperplanes {@code rows}: one offset into each of the 2^m cells around it.
   */
  private static List<double[]> offsets(double[][] rows, double eps) {
    List<double[]> out = new ArrayList<>();
    for (double[] s : signVectors(rows.length)) {
      double[] d = solve(rows, scale(s, eps));
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  private static List<double[]> signVectors(int k) {
    List<double[]> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << k); mask++) {
      double[] s = new double[k];
      for (int i = 0; i < k; i++) {
        s[i] = ((mask >> i) & 1) == 1 ? 1 : -1;
      }
      out.add(s);
    }
    return out;
  }

  private static List<int[]> subsets(int n, int k) {
    List<int[]> out = new ArrayList<>();
    int[] idx = new int[k];
    for (int i = 0; i < k; i++) {
      idx[i] = i;
    }
    while (k <= n) {
      out.add(idx.clone());
      int i = k - 1;
      while (i >= 0 && idx[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        break;
      }
      idx[i]++;
      for (int j = i + 1; j < k; j++) {
        idx[j] = idx[j - 1] + 1;
      }
    }
    return out;
  }

  /** Solves the square system, or null when it is (nearly) singular. */
  private static double[] solve(double[][] rows, double[] rhs) {
    int k = rows.length;
    DMatrixRMaj m = new DMatrixRMaj(rows);
    DMatrixRMaj x = new DMatrixRMaj(k, 1);
    if (Math.abs(CommonOps_DDRM.det(m)) < 1e-12
        || !CommonOps_DDRM.solve(m, new DMatrixRMaj(rhs), x)) {
      return null;
    }
    return x.data.clone();
  }

  private static double[][] rows(Tensor a, int[] subset) {
    int m = a.shape().dim(1);
    double[][] r = new double[subset.length][m];
    for (int i = 0; i < subset.length; i++) {
      for (int j = 0; j < m; j++) {
        r[i][j] = a.get(subset[i], j);
      }
    }
    return r;
  }

  private static double[] pick(Tensor b, int[] subset) {
    double[] r = new double[subset.length];
    for (int i = 0; i < subset.length; i++) {
      r[i] = b.at(subset[i]);
    }
    return r;
  }

  private static double[] plus(double[] x, double[] y) {
    double[] r = x.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] += y[i];
    }
    return r;
  }

  private static double[] scale(double[] x, double c) {
    double[] r = x.clone();
    for (int i = 0; i < r.length; i++) {
      r[i] *= c;
    }
    return r;
  }

  private static double[] negate(double[] x) {
    return scale(x, -1);
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
