package org.vecgrad.check;

import java.util.List;

/** What every check returns: a verdict, readable text ({@code toString}) and the suspects. */
public interface CheckReport {
  /** True when the check passed. */
  boolean passed();

  /**
   * On failure, the recorded operations whose own rules fail the same kind of check at the values
   * they saw, e.g. {@code "#3 square [2, 3]: VJP vs finite differences, rel error 5.0e-01"}; empty
   * when the check passed or found no single guilty operation.
   */
  List<String> suspects();
}
