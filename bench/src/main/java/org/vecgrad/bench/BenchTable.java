package org.vecgrad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table of {@code ./vecgrad bench}: a row per figure, with the reference it is compared
 * with, where that reference came from, the ratio, the target and whether it is met.
 *
 * <p>The ratio always reads "how many times better than the reference": figure ÷ reference for
 * rates (GFLOP/s, samples/s), reference ÷ figure for costs (ns, ×gradient). Above 1, vecgrad is
 * ahead.
 */
public final class BenchTable {
  /** Where a reference figure came from. */
  public static final String IN_RUN = "in-run";

  /** A figure recorded on the reference machine ({@code shared/bench/baselines.md}). */
  public static final String BASELINE = "baseline Zen 3";

  /** The column headers, in order. */
  public static final List<String> HEADERS =
      List.of("benchmark", "figure", "unit", "reference", "source", "ratio", "target", "status");

  /** Whether a larger figure is better (a rate) or a smaller one (a cost). */
  public enum Better {
    /** Rates: GFLOP/s, samples/s. */
    HIGHER,
    /** Costs: time, memory, relative cost. */
    LOWER
  }

  /** One row; build with {@link #row} and the chained setters. */
  public static final class Row {
    final String section;
    final String name;
    final double figure;
    final String unit;
    final Better better;
    String reference = "—";
    String source = "";
    double ratio = Double.NaN;
    String target = "—";
    String status = "—";
    double ratioBound = Double.NaN;

    Row(String section, String name, double figure, String unit, Better better) {
      this.section = section;
      this.name = name;
      this.figure = figure;
      this.unit = unit;
      this.better = better;
    }

    /**
     * Compares with a reference figure (same unit); the ratio reads "times better". Called again,
     * it replaces the reference and re-judges a {@link #targetRatio} target.
     */
    public Row vs(String label, double value, String source) {
      this.reference = label + " " + number(value);
      this.source = source;
      this.ratio = better == Better.HIGHER ? figure / value : value / figure;
      if (!Double.isNaN(ratioBound)) {
        targetRatio(ratioBound);
      }
      return this;
    }

    /** A target on the figure itself: at least (rates) or at most (costs) {@code bound}. */
    public Row targetFigure(double bound) {
      boolean met = better == Better.HIGHER ? figure >= bound : figure <= bound;
      String u = unit.equals("×") ? "×" : " " + unit;
      return target((better == Better.HIGHER ? "≥ " : "≤ ") + number(bound) + u, met);
    }

    /** A target on the ratio: at least {@code bound} times better than the reference. */
    public Row targetRatio(double bound) {
      this.ratioBound = bound;
      return target("ratio ≥ " + number(bound), ratio >= bound);
    }

    /** A target described by {@code text}, met or not. */
    public Row target(String text, boolean met) {
      this.target = text;
      this.status = Double.isFinite(figure) && met ? "met" : "missed";
      return this;
    }

    /** The section this row belongs to. */
    public String section() {
      return section;
    }

    /** The row's label. */
    public String name() {
      return name;
    }

    /** The measured figure. */
    public double figure() {
      return figure;
    }

    /** The ratio to the reference (NaN without one). */
    public double ratio() {
      return ratio;
    }

    /** "met", "missed" or "—" (no target). */
    public String status() {
      return status;
    }

    List<String> cells() {
      return List.of(
          name,
          number(figure),
          unit,
          reference,
          source,
          Double.isNaN(ratio) ? "—" : number(ratio) + "×",
          target,
          status);
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Adds a row and returns it for the chained setters. */
  public Row row(String section, String name, double figure, String unit, Better better) {
    Row r = new Row(section, name, figure, unit, better);
    rows.add(r);
    return r;
  }

  /** Adds a line printed under the table. */
  public void note(String line) {
    notes.add(line);
  }

  /** The rows, in order. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** The table as aligned markdown, followed by the notes. */
  public String render() {
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADERS);
    for (Row r : rows) {
      cells.add(r.cells());
    }
    int[] width = new int[HEADERS.size()];
    for (List<String> line : cells) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    boolean[] right = {false, true, false, false, false, true, false, false};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line(sb, cells.get(i), width, right);
      if (i == 0) {
        sb.append('|');
        for (int c = 0; c < width.length; c++) {
          sb.append(right[c] ? "-".repeat(width[c] + 1) + ":" : "-".repeat(width[c] + 2))
              .append('|');
        }
        sb.append('\n');
      }
    }
    for (String n : notes) {
      sb.append(n).append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    sb.append('|');
    for (int c = 0; c < width.length; c++) {
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      sb.append(' ').append(right[c] ? pad + s : s + pad).append(" |");
    }
    sb.append('\n');
  }

  /** A figure with about three significant digits. */
  static String number(double v) {
    double a = Math.abs(v);
    if (Double.isNaN(v)) {
      return "NaN";
    } else if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    } else if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
