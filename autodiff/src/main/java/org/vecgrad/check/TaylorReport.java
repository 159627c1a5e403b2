package org.vecgrad.check;

import java.util.List;
import java.util.Locale;
import org.vecgrad.tensor.DType;

/**
 * The table of a {@link TaylorTest} with its verdict. Each row holds a step h, the errors E0, E1
 * (and E2) and the round-off floor at that step; {@link #slopes(int)} gives the observed orders.
 */
public final class TaylorReport implements CheckReport {
  /**
   * One step of the table.
   *
   * @param h the step
   * @param e0 {@code ‖f(x+hv) − f(x)‖}
   * @param e1 {@code ‖f(x+hv) − f(x) − h·Jv‖}
   * @param e2 the second-order remainder, NaN when not asked for
   * @param floor the round-off level under which errors carry no information
   */
  public record Row(double h, double e0, double e1, double e2, double floor) {
    double column(int c) {
      return c == 0 ? e0 : c == 1 ? e1 : e2;
    }
  }

  private final String name;
  private final DType dtype;
  private final List<Row> rows;
  private final boolean secondOrder;
  private final boolean passed;
  private final String verdict;
  private final List<String> suspects;

  private TaylorReport(
      String name,
      DType dtype,
      List<Row> rows,
      boolean secondOrder,
      boolean passed,
      String verdict,
      List<String> suspects) {
    this.name = name;
    this.dtype = dtype;
    this.rows = List.copyOf(rows);
    this.secondOrder = secondOrder;
    this.passed = passed;
    this.verdict = verdict;
    this.suspects = List.copyOf(suspects);
  }

  /**
   * Judges the last column: it passes if its errors are round-off from the start or at the three
   * smallest steps, or if at least {@code min(minSlopes, informative)} of the slopes between
   * informative steps (both errors above the floor) reach the expected order within the slack, and
   * the last clearly informative slope (errors above a hundred floors) does too — so a wrong
   * derivative cannot hide behind good slopes at large h.
   */
  static TaylorReport judge(
      String name,
      DType dtype,
      List<Row> rows,
      boolean secondOrder,
      Tolerances tol,
      List<String> suspects) {
    int col = secondOrder ? 2 : 1;
    int order = col + 1;
    int informative = 0;
    int good = 0;
    boolean finite = true;
    boolean anyAbove = false;
    double lastSlope = Double.NaN;
    double lastMargin = 0;
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      double e = r.column(col);
      finite &= Double.isFinite(e);
      anyAbove |= e > r.floor();
      if (k == 0) {
        continue;
      }
      Row p = rows.get(k - 1);
      double ep = p.column(col);
      if (ep > p.floor() && e > r.floor()) {
        informative++;
        lastSlope = slope(p, r, col);
        lastMargin = e / r.floor();
        good += lastSlope >= order - tol.slopeSlack() ? 1 : 0;
      }
    }
    // A wrong derivative leaves E ≈ c·h, which stays far above round-off with slope ≈ order − 1
    // at the smallest steps, even if higher-order terms gave good slopes at large h.
    boolean lowerOrderTail =
        informative > 0 && lastMargin > 10 && lastSlope < order - tol.slopeSlack();
    boolean pass;
    String verdict;
    if (!finite) {
      pass = false;
      verdict = "non-finite values: a step left the function's domain (use smaller steps)";
    } else if (!anyAbove) {
      pass = true;
      verdict = "E" + col + " is round-off at every step: the expansion is exact here";
    } else if (informative == 0) {
      pass = true;
      verdict = "E" + col + " drops to round-off after the first step";
    } else if (roundOffTail(rows, col)) {
      // Near x the expansion is exact to round-off; only large steps showed an error, where they
      // leave the neighbourhood (a kink or jump a little way off) or where higher-order terms of
      // a tiny function are all that is left. A wrong derivative, E ≈ c·h, would stay visible.
      pass = true;
      verdict =
          "E"
              + col
              + " is round-off at the "
              + TAIL
              + " smallest steps (larger steps leave the smooth neighbourhood)";
    } else {
      int need = Math.min(tol.minSlopes(), informative);
      pass = good >= need && !lowerOrderTail;
      verdict =
          String.format(
              Locale.ROOT,
              "%d of %d informative slopes of E%d reach order %d (need %d%s)",
              good,
              informative,
              col,
              order,
              need,
              lowerOrderTail ? "; the last slope, far above round-off, falls short" : "");
    }
    return new TaylorReport(name, dtype, rows, secondOrder, pass, verdict, suspects);
  }

  /** Number of smallest steps whose errors at round-off make a pass on their own. */
  private static final int TAIL = 3;

  private static boolean roundOffTail(List<Row> rows, int col) {
    if (rows.size() < TAIL + 2) {
      return false;
    }
    for (int k = rows.size() - TAIL; k < rows.size(); k++) {
      if (rows.get(k).column(col) > rows.get(k).floor()) {
        return false;
      }
    }
    return true;
  }

  TaylorReport withSuspects(List<String> s) {
    return new TaylorReport(name, dtype, rows, secondOrder, passed, verdict, s);
  }

  private static double slope(Row a, Row b, int col) {
    return Math.log(a.column(col) / b.column(col)) / Math.log(a.h() / b.h());
  }

  @Override
  public boolean passed() {
    return passed;
  }

  @Override
  public List<String> suspects() {
    return suspects;
  }

  /** The rows, largest step first. */
  public List<Row> rows() {
    return rows;
  }

  /** Observed orders of column c (0, 1 or 2) between successive rows; NaN where undefined. */
  public double[] slopes(int c) {
    double[] s = new double[Math.max(0, rows.size() - 1)];
    for (int k = 1; k < rows.size(); k++) {
      s[k - 1] = slope(rows.get(k - 1), rows.get(k), c);
    }
    return s;
  }

  /**
   * The median observed order of column c over the steps whose errors stand above round-off, or NaN
   * if there are none (a summary for tables).
   */
  public double typicalSlope(int c) {
    double[] s = new double[rows.size()];
    int n = 0;
    for (int k = 1; k < rows.size(); k++) {
      Row p = rows.get(k - 1);
      Row r = rows.get(k);
      if (p.column(c) > p.floor() && r.column(c) > r.floor()) {
        s[n++] = slope(p, r, c);
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    java.util.Arrays.sort(s, 0, n);
    return s[n / 2];
  }

  /** The verdict as a sentence. */
  public String verdict() {
    return verdict;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Taylor test of %s (%s)%s%n",
            name,
            dtype,
            secondOrder ? ", second order" : ""));
    sb.append(String.format(Locale.ROOT, "  %10s %12s %12s", "h", "E0", "E1"));
    if (secondOrder) {
      sb.append(String.format(Locale.ROOT, " %12s", "E2"));
    }
    sb.append(String.format(Locale.ROOT, " %7s %7s", "ord0", "ord1"));
    if (secondOrder) {
      sb.append(String.format(Locale.ROOT, " %7s", "ord2"));
    }
    sb.append('\n');
    for (int k = 0; k < rows.size(); k++) {
      Row r = rows.get(k);
      sb.append(String.format(Locale.ROOT, "  %10.3e %12.4e %12.4e", r.h(), r.e0(), r.e1()));
      if (secondOrder) {
        sb.append(String.format(Locale.ROOT, " %12.4e", r.e2()));
      }
      int cols = secondOrder ? 3 : 2;
      for (int c = 0; c < cols; c++) {
        if (k == 0) {
          sb.append(String.format(Locale.ROOT, " %7s", ""));
        } else {
          Row p = rows.get(k - 1);
          boolean info = p.column(c) > p.floor() && r.column(c) > r.floor();
          sb.append(
              info
                  ? String.format(Locale.ROOT, " %7.3f", slope(p, r, c))
                  : String.format(Locale.ROOT, " %7s", "~"));
        }
      }
      sb.append('\n');
    }
    sb.append("  (~ = at round-off level)\n");
    sb.append("  ").append(passed ? "PASS" : "FAIL").append(": ").append(verdict).append('\n');
    Reports.appendSuspects(sb, suspects);
    return sb.toString();
  }
}
