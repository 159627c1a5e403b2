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
  private final CliCapture cli = new CliCapture();

  @Test
  void helpListsEveryCommand() {
    assertEquals(0, cli.run("--help"));
    for (Command c : Cli.COMMANDS) {
      assertTrue(cli.out().contains(c.name()), c.name());
    }
  }

  @Test
  void backpropPrintsStrangsNumbers() {
    assertEquals(0, cli.run("backprop"));
    assertTrue(cli.out().contains("F     = 20"), cli.out());
    assertTrue(cli.out().contains("∂F/∂x = 24"), cli.out());
    assertTrue(cli.out().contains("∂F/∂y = 4"), cli.out());
    cli.reset();
    assertEquals(0, cli.run("backprop", "--x", "1", "--y", "5"));
    assertTrue(cli.out().contains("∂F/∂x = 13"), cli.out());
  }

  @Test
  void badInputGetsAClearMessageAndStatus2() {
    assertEquals(2, cli.run("no-such-command"));
    assertTrue(cli.err().contains("unknown command 'no-such-command'"));
    assertEquals(2, cli.run("backprop", "--x", "two"));
    assertTrue(cli.err().contains("--x: expected a number, got 'two'"));
    assertEquals(2, cli.run("backprop", "--z", "1"));
    assertTrue(cli.err().contains("unknown option --z"));
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
