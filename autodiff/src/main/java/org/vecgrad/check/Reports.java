package org.vecgrad.check;

import java.util.List;

/** Shared formatting of reports. */
final class Reports {
  private Reports() {}

  static void appendSuspects(StringBuilder sb, List<String> suspects) {
    if (suspects.isEmpty()) {
      return;
    }
    sb.append("  guilty operation(s), checked one by one at the values they saw:\n");
    for (String s : suspects) {
      sb.append("    ").append(s).append('\n');
    }
  }
}
