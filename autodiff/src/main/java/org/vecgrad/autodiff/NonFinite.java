package org.vecgrad.autodiff;

/** Messages for watch mode. */
final class NonFinite {
  private NonFinite() {}

  static String describe(Node node, String where) {
    StringBuilder sb = new StringBuilder();
    sb.append(node.describe()).append(" produced a non-finite value in ").append(where);
    if (node.arity() > 0) {
      sb.append("; inputs:");
      for (int i = 0; i < node.arity(); i++) {
        Var in = node.input(i);
        sb.append(i == 0 ? " " : ", ")
            .append(in.isRecorded() ? in.node().describe() : "constant " + in.shape())
            .append(in.value().isFinite() ? "" : " (already non-finite)");
      }
    }
    return sb.toString();
  }
}
