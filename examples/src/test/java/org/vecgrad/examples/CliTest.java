package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line and the README example, as a newcomer meets them. */
class CliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryCommand() {
    assertEquals(0, run("--help"));
    for (Command c : Cli.COMMANDS) {
      assertTrue(out().contains(c.name()), c.name());
    }
  }

  @Test
  void backpropPrintsStrangsNumbers() {
    assertEquals(0, run("backprop"));
    assertTrue(out().contains("F     = 20"), out());
    assertTrue(out().contains("∂F/∂x = 24"), out());
    assertTrue(out().contains("∂F/∂y = 4"), out());
    out.reset();
    assertEquals(0, run("backprop", "--x", "1", "--y", "5"));
    assertTrue(out().contains("∂F/∂x = 13"), out());
  }

  @Test
  void badInputGetsAClearMessageAndStatus2() {
    assertEquals(2, run("no-such-command"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'no-such-command'"));
    assertEquals(2, run("backprop", "--x", "two"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--x: expected a number, got 'two'"));
    assertEquals(2, run("backprop", "--z", "1"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --z"));
  }

  @Test
  void readmeShowsWhatQuickStartPrints() throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(saved);
    }
    String printed = captured.toString(StandardCharsets.UTF_8).strip();
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(readme.contains(printed), "README must show the output:\n" + printed);
  }
}
