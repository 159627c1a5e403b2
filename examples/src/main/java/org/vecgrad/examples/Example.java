package org.vecgrad.examples;

import java.io.PrintStream;
import java.nio.file.Path;

/** One lecture reproduction: prints its numbers, checks its claims, writes its pictures. */
public interface Example {
  /** The name typed after {@code ./vecgrad example}. */
  String name();

  /** One line for the list of examples. */
  String summary();

  /**
   * Runs the example.
   *
   * @param options command options (e.g. {@code --quick} for test-sized runs)
   * @param out where to print
   * @param outDir where pictures go
   * @param claims where each claim is checked
   */
  void run(Options options, PrintStream out, Path outDir, Claims claims) throws Exception;
}
