package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CurvatureCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Cli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void smallMlpPassesEveryCheck() {
    assertEquals(0, run("curvature", "--batch", "8", "--probes", "50"), err.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("all checks passed"), text);
    assertTrue(text.contains("top-5 eigenvalues of H"), text);
    assertTrue(text.contains("top-5 eigenvalues of G"), text);
    assertTrue(text.contains("Hutchinson trace"), text);
    assertTrue(text.contains("λ_min(G)"), text);
    assertTrue(!text.contains("FAILED") && !text.contains("MISMATCH"), text);
  }

  @Test
  void badOptionsAreRefused() {
    assertEquals(2, run("curvature", "--batch", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--batch must be ≥ 1"));
    assertEquals(2, run("curvature", "--hiden", "4"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --hiden"));
  }
}
