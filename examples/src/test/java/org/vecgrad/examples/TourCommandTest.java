package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour runs end to end (synthetic data) and leaves its pictures and curves. */
class TourCommandTest {
  @TempDir Path dir;

  @Test
  void tourRunsAndWritesItsOutputs() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Cli.run(
            new String[] {"tour", "--quick", "--out", dir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, text);
    assertTrue(text.contains("tour complete"), text);
    assertTrue(text.contains("PASS"), text);
    assertTrue(Files.exists(dir.resolve("model-backward.dot")));
    assertTrue(Files.exists(dir.resolve("model-steps.html")));
    assertTrue(Files.exists(dir.resolve("training-curves.png")));
  }
}
