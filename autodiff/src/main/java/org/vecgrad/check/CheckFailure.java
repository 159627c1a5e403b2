package org.vecgrad.check;

/** The {@link AssertionError} thrown by {@link Checks}: its message is the report's text. */
public final class CheckFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient CheckReport report;

  CheckFailure(CheckReport report) {
    super(report.toString());
    this.report = report;
  }

  /** The report of the failed check. */
  public CheckReport report() {
    return report;
  }
}
