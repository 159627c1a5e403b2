package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurvatureCommandTest {
  private final CliCapture cli = new CliCapture();

  @Test
  void smallMlpPassesEveryCheck() {
    assertEquals(0, cli.run("curvature", "--batch", "8", "--probes", "50"), cli.err());
    String text = cli.out();
    assertTrue(text.contains("all checks passed"), text);
    assertTrue(text.contains("top-5 eigenvalues of H"), text);
    assertTrue(text.contains("top-5 eigenvalues of G"), text);
    assertTrue(text.contains("Hutchinson trace"), text);
    assertTrue(text.contains("λ_min(G)"), text);
    assertTrue(!text.contains("FAILED") && !text.contains("MISMATCH"), text);
  }

  @Test
  void badOptionsAreRefused() {
    assertEquals(2, cli.run("curvature", "--batch", "0"));
    assertTrue(cli.err().contains("--batch must be ≥ 1"));
    assertEquals(2, cli.run("curvature", "--hiden", "4"));
    assertTrue(cli.err().contains("unknown option --hiden"));
  }
}
