package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.exp;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

class GraphModelTest {

  @Test
  void rolesNamesAndOnlyTheAncestorsOfTheOutput() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 1.5);
      Var data = tape.constant("data", Tensor.of(1, 2));
      Var unused = exp(x); // not an ancestor of y
      Var y = add(add(x, data), 2.0).named("y");
      GraphModel m = GraphModel.of(tape, y);
      assertFalse(m.contains(unused.index()), "nodes y does not read are left out");
      assertEquals(NodeRole.PARAMETER, m.node(x.index()).role());
      assertEquals(NodeRole.INPUT, m.node(data.index()).role());
      assertEquals(NodeRole.OUTPUT, m.node(y.index()).role());
      long constants = m.nodes().stream().filter(n -> n.role() == NodeRole.CONSTANT).count();
      assertEquals(1, constants, "the scalar 2 of add(·, 2) is an unnamed constant");
      assertEquals("add", m.node(y.index()).label());
      assertFalse(m.hasAdjoints());
      assertTrue(m.nodes().stream().allMatch(n -> n.adjoint() == null));
      assertThrows(IllegalArgumentException.class, () -> m.node(unused.index()));
    }
  }

  @Test
  void wholeTapeWhenNoOutputIsGiven() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 1.5);
      exp(x);
      add(x, x);
      GraphModel m = GraphModel.of(tape);
      assertEquals(tape.size(), m.nodes().size());
      assertEquals(tape.size() - 1, m.output());
    }
  }

  @Test
  void binaryRulesAreSplitPerInput() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      List<VizEdge> intoMul = m.inputs(4);
      assertEquals(2, intoMul.size());
      assertEquals("ȳ·b", intoMul.get(0).rule());
      assertEquals("ȳ·a", intoMul.get(1).rule());
      assertEquals("ȳ", m.inputs(3).get(1).rule(), "one rule serves both inputs of add");
    }
  }

  @Test
  void termsSentBackAlongEdgesSumToEachAdjoint() {
    // the edge contributions are the reverse sweep replayed; their sums must be the kept adjoints
    for (long seed = 1; seed <= 3; seed++) {
      try (Tape tape = new Tape()) {
        GraphModel m = Fixtures.mlp(tape, seed);
        int checked = 0;
        for (VizNode n : m.nodes()) {
          if (n.adjoint() == null || n.index() == m.output()) {
            continue;
          }
          Tensor sum = null;
          for (VizEdge e : m.consumers(n.index())) {
            if (e.contribution() != null) {
              sum =
                  sum == null
                      ? e.contribution()
                      : add(Var.constant(sum), Var.constant(e.contribution())).value();
            }
          }
          assertTrue(
              sum != null && sum.allClose(n.adjoint(), 1e-12, 1e-12),
              "seed " + seed + ": terms into #" + n.index() + " sum to its adjoint");
          checked++;
        }
        assertEquals(12, checked, "four parameters and eight ops below the loss");
      }
    }
  }

  @Test
  void noAdjointReachesConstants() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.mlp(tape, 5);
      for (VizNode n : m.nodes()) {
        if (n.role() == NodeRole.INPUT || n.role() == NodeRole.CONSTANT) {
          assertNull(n.adjoint(), n.toString());
          m.consumers(n.index()).forEach(e -> assertNull(e.contribution()));
        }
      }
    }
  }

  @Test
  void shortestPathAndItsErrors() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      assertEquals(List.of(0, 2, 4), m.path(0, 4));
      assertEquals(List.of(1, 3, 4), m.path(1, 4));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.path(2, 3));
      assertTrue(e.getMessage().contains("#3 does not depend on node #2"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> m.path(0, 99));
    }
  }

  @Test
  void foreignOutputIsRejected() {
    try (Tape a = new Tape();
        Tape b = new Tape()) {
      Var y = b.variable("y", 1);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> GraphModel.of(a, y));
      assertTrue(e.getMessage().contains("not recorded on this tape"), e.getMessage());
    }
  }

  @Test
  void theModelOutlivesItsTape() {
    GraphModel m;
    try (Tape tape = new Tape()) {
      m = Fixtures.strang(tape);
    }
    assertEquals(20, m.node(4).value().item());
    assertEquals(24, m.node(0).adjoint().item());
    assertTrue(DotRenderer.render(m, VizOptions.defaults()).contains("\"n4\""));
  }
}
