package org.vecgrad.viz;

import java.util.Locale;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.TensorFormat;

/**
 * Tensor values as a picture shows them: a scalar in full, a small tensor as a matrix, a large one
 * as its shape with norm, min and max.
 *
 * <p>"Small" means at most {@code threshold} elements. A vector is one row; a tensor of rank three
 * or more is shown as the matrix of its last axis against all leading axes.
 */
public final class ValueFormatter {
  private ValueFormatter() {}

  /**
   * Plain text (captions, tests): {@code 20}, {@code [[1, 2.5], [3, 4]]} (entries to four
   * significant digits; rank three and up as the matrix of the last axis), or a summary.
   */
  public static String text(Tensor t, int threshold) {
    if (t.size() == 0) {
      return t.shape() + " (empty)";
    }
    if (t.rank() == 0 || t.size() == 1) {
      return TensorFormat.number(t.at(0));
    }
    if (t.size() > threshold) {
      return summary(t);
    }
    int cols = t.shape().dim(t.rank() - 1);
    StringBuilder sb = new StringBuilder(t.rank() == 1 ? "" : "[");
    for (int r = 0; r < t.size() / cols; r++) {
      sb.append(r > 0 ? ", [" : "[");
      for (int c = 0; c < cols; c++) {
        sb.append(c > 0 ? ", " : "").append(entry(t.at(r * cols + c)));
      }
      sb.append(']');
    }
    return sb.append(t.rank() == 1 ? "" : "]").toString();
  }

  /** A Graphviz HTML-like label fragment: a number, a {@code <table>} of entries, or a summary. */
  public static String html(Tensor t, int threshold) {
    if (t.size() == 0) {
      return Html.escape(text(t, threshold));
    }
    if (t.rank() == 0 || t.size() == 1) {
      return Html.escape(TensorFormat.number(t.at(0)));
    }
    if (t.size() > threshold) {
      return Html.escape(summary(t));
    }
    int cols = t.rank() == 0 ? 1 : t.shape().dim(t.rank() - 1);
    int rows = t.size() / Math.max(1, cols);
    StringBuilder sb =
        new StringBuilder("<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">");
    for (int r = 0; r < rows; r++) {
      sb.append("<tr>");
      for (int c = 0; c < cols; c++) {
        sb.append("<td align=\"right\">")
            .append(Html.escape(entry(t.at(r * cols + c))))
            .append("</td>");
      }
      sb.append("</tr>");
    }
    return sb.append("</table>").toString();
  }

  /** {@code [784, 100] ‖·‖=12.3 min=-0.21 max=0.33}. */
  public static String summary(Tensor t) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.size(); i++) {
      min = Math.min(min, t.at(i));
      max = Math.max(max, t.at(i));
    }
    return t.shape() + " ‖·‖=" + entry(t.norm()) + " min=" + entry(min) + " max=" + entry(max);
  }

  /** A matrix entry: four significant digits, trailing zeros dropped, integers as integers. */
  static String entry(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s.replaceAll("\\.?0+e", "e");
    }
    return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
  }
}
