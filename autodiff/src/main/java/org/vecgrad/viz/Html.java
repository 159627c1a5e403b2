package org.vecgrad.viz;

/** Escaping for Graphviz HTML-like labels and for the step-through page. */
final class Html {
  private Html() {}

  /** {@code text} with {@code & < > "} escaped; null becomes the empty string. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
