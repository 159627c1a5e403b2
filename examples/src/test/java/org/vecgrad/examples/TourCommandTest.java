package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour runs end to end (synthetic data) and leaves its pictures and curves. */
class TourCommandTest {
  @TempDir Path dir;

  @Test
  void tourRunsAndWritesItsOutputs() {
    CliCapture cli = new CliCapture();
    int status = cli.run("tour", "--quick", "--out", dir.toString());
    String text = cli.out();
    assertEquals(0, status, text);
    assertTrue(text.contains("tour complete"), text);
    assertTrue(text.contains("PASS"), text);
    assertTrue(Files.exists(dir.resolve("model-backward.dot")));
    assertTrue(Files.exists(dir.resolve("model-steps.html")));
    assertTrue(Files.exists(dir.resolve("training-curves.png")));
  }
}
