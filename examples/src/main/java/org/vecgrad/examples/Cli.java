package org.vecgrad.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The entry point of {@code ./vecgrad}: dispatches to the registered {@link Command}s. */
public final class Cli {
  /** Every command, in the order {@code --help} lists them. */
  static final List<Command> COMMANDS =
      List.of(
          new TourCommand(),
          new VersionCommand(),
          new BackpropCommand(),
          new CheckCommand(),
          new RenderCommand(),
          new CurvatureCommand(),
          new TrainCommand(),
          new ExampleCommand(),
          new BenchCommand());

  private Cli() {}

  /** Runs the command named by the first argument; exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns its exit status (testable without exiting). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      printHelp(out);
      return args.length == 0 ? 2 : 0;
    }
    Command cmd = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
    if (cmd == null) {
      err.println("vecgrad: unknown command '" + args[0] + "'");
      printHelp(err);
      return 2;
    }
    Options options;
    try {
      options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
      if (options.has("help")) {
        out.println(cmd.usage());
        return 0;
      }
      return cmd.run(options, out);
    } catch (IllegalArgumentException e) {
      err.println("vecgrad " + cmd.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("vecgrad " + cmd.name() + " failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  private static void printHelp(PrintStream out) {
    out.println("vecgrad " + VersionCommand.VERSION + " — reverse-mode autodiff over SIMD tensors");
    out.println();
    out.println("usage: ./vecgrad <command> [options]   (./vecgrad <command> --help for options)");
    out.println();
    out.println("commands:");
    for (Command c : COMMANDS) {
      out.printf("  %-14s %s%n", c.name(), c.summary());
    }
  }
}
