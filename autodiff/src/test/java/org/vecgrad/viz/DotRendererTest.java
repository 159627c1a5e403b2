package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.viz.VizOptions.RankDir;

class DotRendererTest {
  private static final Pattern EDGE =
      Pattern.compile("^\"(\\w+)\" -> \"(\\w+)\"", Pattern.MULTILINE);

  private static String mlpDot(VizOptions o) {
    try (Tape tape = new Tape()) {
      return DotRenderer.render(Fixtures.mlp(tape, 11), o);
    }
  }

  /** The text of {@code subgraph "cluster_<scope>" { ... }}. */
  private static String cluster(String dot, String scope) {
    int start = dot.indexOf("subgraph \"cluster_" + scope + "\" {");
    assertTrue(start >= 0, "cluster " + scope + " in:\n" + dot);
    return dot.substring(start, dot.indexOf("\n}", start));
  }

  @Test
  void sameTapeGivesSameText() {
    assertEquals(mlpDot(VizOptions.defaults()), mlpDot(VizOptions.defaults()));
  }

  @Test
  void scopesBecomeClustersHoldingTheirNodes() {
    String dot = mlpDot(VizOptions.defaults());
    String layer1 = cluster(dot, "layer1");
    for (int i = 1; i <= 5; i++) {
      assertTrue(layer1.contains("\"n" + i + "\" ["), "n" + i + " declared in layer1:\n" + layer1);
    }
    assertFalse(layer1.contains("\"n8\""), "layer2's matmul is not in layer1:\n" + layer1);
    String layer2 = cluster(dot, "layer2");
    for (int i = 6; i <= 9; i++) {
      assertTrue(layer2.contains("\"n" + i + "\" ["), "n" + i + " declared in layer2");
    }
    assertFalse(layer1.contains("->"), "edges are drawn at top level, not inside clusters");
    assertFalse(mlpDot(VizOptions.builder().clusters(false).build()).contains("subgraph"));
  }

  @Test
  void everyDataFlowEdgeIsDrawnOnce() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.mlp(tape, 11);
      String dot = DotRenderer.render(m, VizOptions.defaults());
      Matcher e = EDGE.matcher(dot);
      java.util.List<String> drawn = new java.util.ArrayList<>();
      while (e.find()) {
        drawn.add(e.group(1) + "->" + e.group(2));
      }
      java.util.List<String> expected =
          m.edges().stream().map(x -> "n" + x.from() + "->n" + x.to()).sorted().toList();
      assertEquals(expected, drawn.stream().sorted().toList());
    }
  }

  @Test
  void collapsedScopeIsOneBoxWithItsEdgesRerouted() {
    String dot = mlpDot(VizOptions.builder().collapse("layer1").build());
    assertTrue(dot.contains("\"scope_layer1\" ["), dot);
    assertTrue(dot.contains("3 ops; W1, b1"), "the box counts the ops and names the parameters");
    for (int i = 1; i <= 5; i++) {
      assertFalse(dot.contains("\"n" + i + "\""), "n" + i + " is inside the box");
    }
    assertTrue(dot.contains("\"n0\" -> \"scope_layer1\""), "X flows into the box");
    assertTrue(dot.contains("\"scope_layer1\" -> \"n8\""), "the box flows into layer2's matmul");
    assertEquals(1, dot.split("\"n0\" -> \"scope_layer1\"", -1).length - 1, "once");
    assertFalse(dot.contains("cluster_layer1"));
  }

  @Test
  void backwardEdgesPointBackWithTheirRules() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      String fwd = DotRenderer.render(m, VizOptions.defaults());
      String bwd = DotRenderer.render(m, VizOptions.builder().backward(true).build());
      assertFalse(fwd.contains("\"dir\"=\"back\""), fwd);
      assertFalse(fwd.contains("ȳ·b"), "no rules on forward edges");
      assertTrue(bwd.contains("\"n2\" -> \"n4\" [\"weight\"=\"4\",\"dir\"=\"back\""), bwd);
      assertTrue(bwd.contains("\"label\"=\"ȳ·b = 5\""), bwd);
      String noAdjoints = DotRenderer.render(m, VizOptions.builder().adjoints(false).build());
      assertFalse(noAdjoints.contains("x\u0304 ="), "adjoints hidden");
      assertTrue(noAdjoints.contains("F =</td><td align=\"left\">20<"), "values still shown");
    }
  }

  @Test
  void dataEdgesCarryNoRuleBackward() {
    String dot = mlpDot(VizOptions.builder().backward(true).build());
    Matcher x = Pattern.compile("\"n0\" -> \"n3\" \\[([^\\]]*)\\]").matcher(dot);
    assertTrue(x.find(), dot);
    assertTrue(
        x.group(1).contains("\"style\"=\"dashed\"") && !x.group(1).contains("label"),
        "X receives no adjoint: " + x.group(1));
  }

  @Test
  void largeTensorsAreSummarisedInLabels() {
    try (Tape tape = new Tape()) {
      Var w = tape.variable("W", Tensor.randn(Shape.of(10, 10), 4));
      Var s = org.vecgrad.autodiff.Ops.sum(org.vecgrad.autodiff.Ops.square(w)).named("s");
      GraphModel m = GraphModel.of(tape, s, tape.backward(s).keepAll().run());
      String dot = DotRenderer.render(m, VizOptions.defaults());
      assertTrue(dot.contains("[10, 10] ‖·‖=" + ValueFormatter.entry(w.value().norm())), dot);
      assertFalse(dot.contains("cellspacing=\"2\""), "no matrix of 100 entries");
      String wide = DotRenderer.render(m, VizOptions.builder().summaryThreshold(100).build());
      assertTrue(wide.contains("cellspacing=\"2\""), "at threshold 100 the matrix is drawn");
    }
  }

  @Test
  void residualsColourNodesGreenOrRed() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      VizOptions o = VizOptions.builder().residuals(Map.of(2, 3e-15, 3, 0.25), 1e-10).build();
      String dot = DotRenderer.render(m, o);
      assertTrue(fill(dot, "n2").equals("#b8e6b0"), "small residual: green");
      assertTrue(fill(dot, "n3").equals("#f4b6b0"), "large residual: red");
      assertTrue(fill(dot, "n0").equals("#fde3b8"), "no residual: the parameter colour");
      assertTrue(dot.contains("residual 2.5e-01"), dot);
      assertThrows(
          IllegalArgumentException.class, () -> VizOptions.builder().residuals(Map.of(), -1));
    }
  }

  @Test
  void highlightedPathAndRankDirection() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      VizOptions o = VizOptions.builder().highlight(m.path(0, 4)).rankdir(RankDir.TB).build();
      String dot = DotRenderer.render(m, o);
      assertTrue(dot.contains("\"rankdir\"=\"TB\""));
      assertTrue(dot.matches("(?s).*\"n0\" -> \"n2\" \\[[^\\]]*\"penwidth\"=\"2.5\".*"), dot);
      assertFalse(dot.matches("(?s).*\"n0\" -> \"n3\" \\[[^\\]]*\"penwidth\".*"), "off the path");
      assertTrue(dot.matches("(?s).*\"n2\" \\[[^\\n]*\"penwidth\"=\"2.5\".*"), "node on the path");
    }
  }

  private static String fill(String dot, String id) {
    Matcher m = Pattern.compile("\"" + id + "\" \\[[^\\n]*\"fillcolor\"=\"(#\\w+)\"").matcher(dot);
    assertTrue(m.find(), id + " has a fill colour");
    return m.group(1);
  }
}
