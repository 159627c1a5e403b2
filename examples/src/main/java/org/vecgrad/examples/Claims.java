package org.vecgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims an example makes, each checked as it is printed: an example exits 0 only when every
 * claim holds.
 */
public final class Claims {
  private final PrintStream out;
  private final List<String> failed = new ArrayList<>();
  private int count;

  /** Claims printed to {@code out}. */
  public Claims(PrintStream out) {
    this.out = out;
  }

  /** Prints the claim with a pass/fail mark and remembers a failure. */
  public boolean check(boolean holds, String claim) {
    count++;
    out.println((holds ? "  [ok]   " : "  [FAIL] ") + claim);
    if (!holds) {
      failed.add(claim);
    }
    return holds;
  }

  /** True when every claim checked so far holds. */
  public boolean allHold() {
    return failed.isEmpty();
  }

  /** The claims that failed. */
  public List<String> failures() {
    return List.copyOf(failed);
  }

  /** Prints a one-line summary and returns the exit status (0 when all hold). */
  public int finish() {
    out.println(
        allHold()
            ? "all " + count + " claims hold"
            : failed.size() + " of " + count + " claims FAILED: " + failed);
    return allHold() ? 0 : 1;
  }
}
