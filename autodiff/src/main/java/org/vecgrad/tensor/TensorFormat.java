package org.vecgrad.tensor;

import java.util.Locale;

/** Human-readable text for tensors: values for small ones, a summary for large ones. */
public final class TensorFormat {
  private TensorFormat() {}

  /**
   * Formats {@code t}: nested brackets when it has at most {@code limit} elements, otherwise {@code
   * tensor(shape=[..], F64, min=.., max=.., mean=.., norm=..)}.
   */
  public static String format(Tensor t, int limit) {
    if (t.size() <= limit) {
      StringBuilder sb = new StringBuilder();
      appendNested(sb, t, 0, 0);
      return t.dtype() == DType.F64 ? sb.toString() : sb + " (F32)";
    }
    return "tensor(shape=" + t.shape() + ", " + t.dtype() + ", " + summary(t) + ")";
  }

  /** {@code min=.., max=.., mean=.., norm=..} of all elements. */
  public static String summary(Tensor t) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (int i = 0; i < t.size(); i++) {
      double v = t.at(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return "min="
        + number(min)
        + ", max="
        + number(max)
        + ", mean="
        + number(sum / Math.max(1, t.size()))
        + ", norm="
        + number(t.norm());
  }

  /** A compact number: integers without a fraction, others with 6 significant digits. */
  public static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v)
        .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
        .replace(".e", "e")
        .replaceAll("\\.$", "");
  }

  private static int appendNested(StringBuilder sb, Tensor t, int axis, int offset) {
    if (t.rank() == 0) {
      sb.append(number(t.at(0)));
      return 1;
    }
    int n = t.shape().dim(axis);
    sb.append('[');
    int consumed = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(axis == t.rank() - 1 ? ", " : ",\n" + " ".repeat(axis + 1));
      }
      if (axis == t.rank() - 1) {
        sb.append(number(t.at(offset + consumed)));
        consumed++;
      } else {
        consumed += appendNested(sb, t, axis + 1, offset + consumed);
      }
    }
    sb.append(']');
    return Math.max(consumed, n == 0 ? 0 : consumed);
  }
}
