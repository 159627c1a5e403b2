package org.vecgrad.viz;

/**
 * The Graphviz HTML-like label of one node: title, id and shape, value, adjoint (and residual).
 *
 * <p>Adjoints follow the lecture notation: the adjoint of a one-letter name {@code x} is {@code
 * x̄}; other nodes write {@code adj}.
 */
final class NodeLabel {
  static final String ADJOINT_COLOR = "#b03a2e";
  private static final String MUTED = "#666666";

  private NodeLabel() {}

  static String of(VizNode n, VizOptions o, Double residual) {
    StringBuilder sb = new StringBuilder();
    sb.append("<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"1\">");
    row(sb, "<b>" + Html.escape(title(n)) + "</b>");
    String where = "#" + n.index() + (n.shape().rank() == 0 ? "" : " " + n.shape());
    row(sb, "<font point-size=\"9\" color=\"" + MUTED + "\">" + Html.escape(where) + "</font>");
    if (o.values()) {
      pair(sb, valueName(n) + " =", ValueFormatter.html(n.value(), o.summaryThreshold()), null);
    }
    if (o.adjoints() && n.adjoint() != null) {
      pair(
          sb,
          adjointName(n) + " =",
          ValueFormatter.html(n.adjoint(), o.summaryThreshold()),
          ADJOINT_COLOR);
    }
    if (residual != null) {
      row(
          sb,
          "<font point-size=\"9\">residual "
              + Html.escape(String.format(java.util.Locale.ROOT, "%.1e", residual))
              + "</font>");
    }
    return sb.append("</table>").toString();
  }

  /** The bold first line: a leaf's name, or an op's label. */
  static String title(VizNode n) {
    if (n.isLeaf()) {
      return n.name() != null ? n.name() : n.label();
    }
    return n.label();
  }

  /** What the value is called: the node's name, or {@code value}. */
  static String valueName(VizNode n) {
    return n.name() != null ? n.name() : "value";
  }

  /** {@code x̄} for a one-letter name (combining macron), {@code adj} otherwise. */
  static String adjointName(VizNode n) {
    String name = n.name();
    if (name != null && name.codePointCount(0, name.length()) == 1) {
      return name + "\u0304";
    }
    return "adj";
  }

  private static void row(StringBuilder sb, String cell) {
    sb.append("<tr><td colspan=\"2\">").append(cell).append("</td></tr>");
  }

  /** A two-cell row: {@code name =} and the value (a number or a nested table). */
  private static void pair(StringBuilder sb, String name, String value, String color) {
    String open = color == null ? "" : "<font color=\"" + color + "\">";
    String close = color == null ? "" : "</font>";
    sb.append("<tr><td align=\"right\">")
        .append(open)
        .append(Html.escape(name))
        .append(close)
        .append("</td><td align=\"left\">")
        .append(open)
        .append(value)
        .append(close)
        .append("</td></tr>");
  }
}
