package org.vecgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** {@code ./vecgrad example <name> [--out DIR] [--quick]}: runs one lecture reproduction. */
final class ExampleCommand implements Command {
  /** Every example. */
  static final List<Example> EXAMPLES =
      List.of(
          new StrangLecture(),
          new SingleLayerLecture(),
          new DeepMatrixFactorisation(),
          new SpectraLecture(),
          new OcrLecture());

  @Override
  public String name() {
    return "example";
  }

  @Override
  public String summary() {
    return "run a lecture reproduction: "
        + EXAMPLES.stream().map(Example::name).collect(Collectors.joining(", "));
  }

  @Override
  public String usage() {
    StringBuilder sb =
        new StringBuilder("usage: ./vecgrad example <name> [--out DIR] [--quick]\n\nexamples:\n");
    for (Example e : EXAMPLES) {
      sb.append(String.format("  %-14s %s%n", e.name(), e.summary()));
    }
    sb.append("\n--out DIR   where pictures go (default out/<name>)\n");
    sb.append("--quick     smaller sizes and fewer steps (what the tests run)");
    return sb.toString();
  }

  @Override
  public int run(Options options, PrintStream out) throws Exception {
    List<String> args = options.positional();
    if (args.isEmpty()) {
      throw new IllegalArgumentException("which example? " + names());
    }
    Example ex =
        EXAMPLES.stream()
            .filter(e -> e.name().equals(args.get(0)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown example '" + args.get(0) + "'; known: " + names()));
    Path dir = Path.of(options.get("out", "out/" + ex.name()));
    out.println("== example " + ex.name() + ": " + ex.summary());
    Claims claims = new Claims(out);
    ex.run(options, out, dir, claims);
    out.println("pictures in " + dir.toAbsolutePath().normalize());
    return claims.finish();
  }

  private static String names() {
    return EXAMPLES.stream().map(Example::name).collect(Collectors.joining(", "));
  }
}
