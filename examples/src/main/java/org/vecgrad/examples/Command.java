package org.vecgrad.examples;

import java.io.PrintStream;

/** One {@code ./vecgrad <command>}: a name, a one-line summary and a body. */
public interface Command {
  /** The word typed after {@code ./vecgrad}. */
  String name();

  /** One line for {@code --help}. */
  String summary();

  /** Usage text with the options, for {@code ./vecgrad <command> --help}. */
  default String usage() {
    return "usage: ./vecgrad " + name();
  }

  /**
   * Runs the command.
   *
   * @return the process exit status: 0 when every claim it prints holds
   */
  int run(Options options, PrintStream out) throws Exception;
}
