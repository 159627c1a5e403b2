package org.vecgrad.check;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vecgrad.tensor.DType;

/**
 * The outcome of a {@link FiniteDifferenceCheck}: one entry per element (or projection) compared,
 * the worst of them, the verdict and, on failure, the suspected operations.
 */
public final class FiniteDifferenceReport implements CheckReport {
  /**
   * One comparison.
   *
   * @param input index of the input (-1 for a projection over all inputs)
   * @param index the element's multi-index, or a projection's label
   * @param analytic the derivative from the reverse (or forward) sweep
   * @param numeric the central difference
   * @param absError {@code |analytic − numeric|}
   * @param relError the error relative to the size of the derivatives
   * @param judged the relative error left after allowing for the round-off of the central
   *     difference; the verdict compares this with the tolerance
   */
  public record Entry(
      int input,
      String index,
      double analytic,
      double numeric,
      double absError,
      double relError,
      double judged) {
    Entry withErrors(double abs, double rel, double beyondNoise) {
      return new Entry(input, index, analytic, numeric, abs, rel, beyondNoise);
    }

    /** {@code x0[1, 2]} or the projection's label. */
    public String where() {
      return input < 0 ? index : "x" + input + index;
    }
  }

  private final String name;
  private final DType dtype;
  private final String method;
  private final double tolerance;
  private final List<Entry> entries;
  private final List<String> suspects;

  FiniteDifferenceReport(
      String name,
      DType dtype,
      String method,
      double tolerance,
      List<Entry> entries,
      List<String> suspects) {
    this.name = name;
    this.dtype = dtype;
    this.method = method;
    this.tolerance = tolerance;
    this.entries = List.copyOf(entries);
    this.suspects = List.copyOf(suspects);
  }

  @Override
  public boolean passed() {
    return worst() == null || worst().judged() <= tolerance;
  }

  @Override
  public List<String> suspects() {
    return suspects;
  }

  /** Every comparison made. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The comparison with the largest error beyond round-off (then the largest relative error), or
   * null if there was nothing to compare.
   */
  public Entry worst() {
    return entries.stream().max(WORST_LAST).orElse(null);
  }

  private static final Comparator<Entry> WORST_LAST =
      Comparator.comparingDouble(Entry::judged).thenComparingDouble(Entry::relError);

  /** The largest relative error (0 when nothing was compared). */
  public double maxRelError() {
    Entry w = worst();
    return w == null ? 0 : w.relError();
  }

  /** The accepted relative error. */
  public double tolerance() {
    return tolerance;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Finite-difference check of %s (%s, %s): %s%n",
            name,
            dtype,
            method,
            passed() ? "PASS" : "FAIL"));
    Entry w = worst();
    if (w != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  worst %s: analytic %.10g, numeric %.10g, abs error %.3e, rel error %.3e"
                  + " (tolerance %.1e)%n",
              w.where(),
              w.analytic(),
              w.numeric(),
              w.absError(),
              w.relError(),
              tolerance));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "  %-22s %16s %16s %10s %10s%n",
            "element",
            "analytic",
            "numeric",
            "abs err",
            "rel err"));
    entries.stream()
        .sorted(WORST_LAST.reversed())
        .limit(8)
        .forEach(
            e ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %-22s %16.9g %16.9g %10.2e %10.2e%n",
                        e.where(),
                        e.analytic(),
                        e.numeric(),
                        e.absError(),
                        e.relError())));
    Reports.appendSuspects(sb, suspects);
    return sb.toString();
  }
}
