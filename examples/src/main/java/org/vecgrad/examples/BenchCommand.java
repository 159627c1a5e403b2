package org.vecgrad.examples;

import java.io.PrintStream;
import java.util.Set;
import org.vecgrad.bench.BenchSuite;
import org.vecgrad.bench.TorchAnchors;

/**
 * {@code ./vecgrad bench}: the performance figures of the {@code bench} module in one table, each
 * against a reference measured in the same run where Java has one (naive loop, EJML, the scalar
 * twin of a SIMD loop, one thread against two) and against PyTorch otherwise: the figures recorded
 * on the reference machine, or with {@code --torch} PyTorch measured on this machine by {@code
 * bench/torch/anchors.py}, with the issues' targets. Progress goes to stderr, the table to stdout.
 *
 * <p>The exit status is 0 whenever the benchmarks ran: a missed target is a finding reported in the
 * table, not a failure of the command.
 */
final class BenchCommand implements Command {
  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "performance: one table of figures vs in-run references and recorded baselines";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad bench [--quick] [--only "
        + String.join(",", BenchSuite.SECTIONS)
        + "] [--torch [PYTHON]]\n"
        + "  --quick   small sizes and short rounds (about a minute); the default takes a few"
        + " minutes\n"
        + "  --only    the sections to run, comma-separated (default: all)\n"
        + "  --torch   measure PyTorch's (and OpenBLAS's, through torch.mm) figures on this\n"
        + "            machine (bench/torch/anchors.py, with PYTHON or /usr/bin/python3) instead\n"
        + "            of using the recorded Zen 3 ones;\n"
        + "            needs Debian's python3-torch and libopenblas0-pthread";
  }

  @Override
  public int run(Options options, PrintStream out) {
    options.requireOnly(name(), Set.of("quick", "only", "torch"));
    String only = options.get("only", null);
    if (only != null && (only.equals("true") || only.isBlank())) {
      throw new IllegalArgumentException(
          "--only needs section names: " + String.join(",", BenchSuite.SECTIONS));
    }
    boolean quick = options.has("quick") && !options.get("quick", "true").equals("false");
    Set<String> sections = BenchSuite.sections(only);
    BenchSuite.requireKnown(sections);
    TorchAnchors torch = null;
    if (options.has("torch")) {
      String python = options.get("torch", "true");
      torch = TorchAnchors.with(python.equals("true") ? null : python, quick);
    }
    out.println(
        "vecgrad bench"
            + (quick ? " --quick" : "")
            + (torch != null ? " --torch" : "")
            + ": "
            + String.join(", ", sections));
    out.println(BenchSuite.describeMachine());
    out.println();
    try {
      out.print(BenchSuite.run(quick, sections, torch, System.err).render());
    } finally {
      if (torch != null) {
        torch.close(); // ends the script serving PyTorch's rounds
      }
    }
    return 0;
  }
}
