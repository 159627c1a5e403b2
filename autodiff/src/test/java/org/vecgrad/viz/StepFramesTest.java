package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

class StepFramesTest {

  @Test
  void oneFramePerNodeInReverseTapeOrder() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      List<StepFrames.Frame> frames = StepFrames.of(m, VizOptions.defaults());
      assertEquals(List.of(4, 3, 2, 1, 0), frames.stream().map(StepFrames.Frame::node).toList());
      for (StepFrames.Frame f : frames) {
        for (VizNode n : f.model().nodes()) {
          boolean known = n.index() >= f.node();
          assertEquals(known, n.adjoint() != null, "step " + f.step() + ", node #" + n.index());
        }
        assertEquals(f.node(), f.options().focus());
        assertTrue(f.options().backward());
      }
      assertTrue(frames.get(0).caption().contains("seed F\u0304 = 1"), frames.get(0).caption());
      String last = frames.get(4).caption();
      assertTrue(
          last.startsWith("Step 5 of 5: #0 x: x\u0304 = 20 (2x·ȳ from #2 square) + 4"), last);
      assertTrue(last.endsWith("= 24."), last);
    }
  }

  @Test
  void mlpSweepHasAFramePerParameterAndOp() {
    try (Tape tape = new Tape()) {
      List<StepFrames.Frame> frames = StepFrames.of(Fixtures.mlp(tape, 3), VizOptions.defaults());
      assertEquals(13, frames.size(), "4 parameters, 8 ops and the loss; X and T get no adjoint");
      assertTrue(frames.get(12).caption().contains("#1 W1: adj = [["), frames.get(12).caption());
    }
  }

  @Test
  void contributionsAppearOnceTheirSenderIsProcessed() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      StepFrames.Frame first = StepFrames.of(m, VizOptions.defaults()).get(0);
      String dot = first.dot();
      assertTrue(dot.contains("ȳ·b = 5"), "mul (step 1) sends 5 to square:\n" + dot);
      assertFalse(dot.contains("2x·ȳ = 20"), "square has not been processed yet");
      assertTrue(dot.contains("\"n4\" [") && dot.contains("\"color\"=\"#d62728\""), "focus");
    }
  }

  @Test
  void needsAdjoints() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      GraphModel m = GraphModel.of(tape, x.square());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> StepFrames.of(m, VizOptions.defaults()));
      assertTrue(e.getMessage().contains("keepAll"), e.getMessage());
    }
  }

  @Test
  void pageIsSelfContainedWithAllFrames(@TempDir Path dir) throws IOException {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      List<StepFrames.Frame> frames = StepFrames.of(m, VizOptions.defaults());
      ImageRenderer renderer = ImageRenderer.onPath();
      Path page = dir.resolve("steps.html");
      String problem = StepThroughHtml.write(frames, "Strang <sweep>", renderer, page);
      String html = Files.readString(page);
      assertEquals(5, frames.size());
      assertEquals(frames.size(), html.split("<section class=\"frame\"", -1).length - 1);
      assertFalse(html.contains("http://") || html.contains("https://"), "no web address");
      assertFalse(html.contains("<link") || html.contains("src="), "nothing loaded from outside");
      assertTrue(html.contains("<title>Strang &lt;sweep&gt;</title>"));
      assertTrue(html.contains("ArrowRight") && html.contains("id=\"next\""), "navigation");
      if (renderer.available()) {
        assertNull(problem);
        assertEquals(frames.size(), html.split("<svg", -1).length - 1, "one inline SVG per frame");
      } else {
        assertTrue(problem.contains("install"), problem);
        assertTrue(html.contains("<pre>digraph"), "DOT text in place of pictures");
      }
    }
  }

  @Test
  void pageWithoutDotShowsTheDotText(@TempDir Path dir) throws IOException {
    try (Tape tape = new Tape()) {
      List<StepFrames.Frame> frames = StepFrames.of(Fixtures.strang(tape), VizOptions.defaults());
      Path empty = Files.createDirectories(dir.resolve("no-graphviz"));
      Path page = dir.resolve("steps.html");
      String problem =
          StepThroughHtml.write(frames, "Strang", ImageRenderer.inDirectory(empty), page);
      String html = Files.readString(page);
      assertTrue(problem != null && problem.contains("apt-get install graphviz"), problem);
      assertEquals(5, html.split("<pre>digraph", -1).length - 1);
      assertTrue(html.contains("Pictures unavailable"));
    }
  }

  @Test
  void inlineSvgDropsPrologAndNamespaces() {
    String svg =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
            + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
            + "<svg width=\"10pt\" xmlns=\"http://www.w3.org/2000/svg\""
            + " xmlns:xlink=\"http://www.w3.org/1999/xlink\"><g/></svg>";
    assertEquals("<svg width=\"10pt\"><g/></svg>", StepThroughHtml.inlineSvg(svg));
    assertThrows(IllegalArgumentException.class, () -> StepThroughHtml.inlineSvg("<html/>"));
  }
}
