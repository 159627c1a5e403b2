package org.vecgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class ModuleTest {
  @Test
  void linearComputesRowsTimesWeightTransposePlusBias() {
    Linear l = new Linear(3, 2, 7);
    l.weight().set(Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    l.bias().set(Tensor.of(10, 20));
    Tensor x = Tensor.of(new double[][] {{1, 0, -1}, {2, 1, 0}});
    Tensor y = l.predict(x);
    // row 0: W·(1,0,−1) + b = (1−3, 4−6) + b; row 1: W·(2,1,0) + b = (4, 13) + b
    assertTrue(y.allClose(Tensor.of(new double[][] {{8, 18}, {14, 33}}), 0, 1e-12), y.toString());
  }

  @Test
  void linearRejectsWrongInputWidthNamingShapes() {
    Linear l = new Linear(3, 2, 7);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> l.predict(Tensor.zeros(4, 5)));
    assertTrue(
        e.getMessage().contains("[batch, 3]") && e.getMessage().contains("[4, 5]"), e.getMessage());
  }

  @Test
  void mlpHasDottedParameterNamesInOrderAndRightShapes() {
    Mlp m = Mlp.builder(5, 4, 3).seed(1).build();
    assertEquals(
        List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"),
        List.copyOf(m.namedParameters().keySet()));
    assertEquals(Shape.of(4, 5), m.namedParameters().get("fc1.weight").value().shape());
    assertEquals(Shape.of(3), m.namedParameters().get("fc2.bias").value().shape());
    assertEquals(5 * 4 + 4 + 4 * 3 + 3, m.numParameters());
    assertEquals(Shape.of(6, 3), m.predict(Tensor.randn(Shape.of(6, 5), 2)).shape());
  }

  @Test
  void sameSeedSameModelDifferentSeedDifferentModel() {
    Tensor a = Mlp.builder(4, 3).seed(5).build().parameters().get(0).value();
    Tensor b = Mlp.builder(4, 3).seed(5).build().parameters().get(0).value();
    Tensor c = Mlp.builder(4, 3).seed(6).build().parameters().get(0).value();
    assertEquals(a, b);
    assertFalse(a.equals(c));
  }

  @Test
  void trainAndEvalPropagateToChildren() {
    Mlp m = Mlp.builder(2, 3, 2).build();
    m.eval();
    for (Module c : m.children().values()) {
      assertFalse(c.isTraining());
    }
    m.train();
    assertTrue(m.children().get("fc2").isTraining());
  }

  @Test
  void forwardRecordsEachLayerInItsScope() {
    Mlp m = Mlp.builder(2, 3, 2).build();
    try (Tape tape = new Tape()) {
      m.call(tape, tape.constant("x", Tensor.ones(1, 2)));
      boolean sawFc1 = false;
      boolean sawAct1 = false;
      for (Node n : tape.nodes()) {
        sawFc1 |= n.kind() == Node.Kind.OP && "mlp/fc1".equals(n.scope());
        sawAct1 |= n.kind() == Node.Kind.OP && "mlp/act1".equals(n.scope());
      }
      assertTrue(sawFc1 && sawAct1, tape.toString());
    }
  }

  @Test
  void parameterUsedTwiceIsOneLeafAndGradientsAccumulate() {
    Linear l = new Linear(2, 1, Init.constant(1), null, DType.F64, new SplittableRandom(0));
    Tensor x = Tensor.of(new double[][] {{1, 2}});
    for (int round = 1; round <= 2; round++) {
      try (Tape tape = new Tape()) {
        Var xv = tape.constant("x", x);
        // loss = sum(l(x)) + sum(l(x)) = 2·(w·x): ∂/∂w = 2x
        Var loss = Ops.add(Ops.sum(l.call(tape, xv)), Ops.sum(l.call(tape, xv)));
        l.backward(tape, loss);
      }
      Tensor expected = Tensor.of(new double[][] {{2 * round, 4 * round}});
      assertTrue(l.weight().grad().allClose(expected, 0, 1e-12), l.weight().grad().toString());
    }
    l.zeroGrad();
    assertNull(l.weight().grad());
  }

  @Test
  void parameterSetRejectsShapeOrDtypeChange() {
    Parameter p = new Parameter("w", Tensor.zeros(2, 3));
    assertThrows(IllegalArgumentException.class, () -> p.set(Tensor.zeros(3, 2)));
    assertThrows(
        IllegalArgumentException.class, () -> p.set(Tensor.zeros(Shape.of(2, 3), DType.F32)));
  }

  @Test
  void activationsMatchTheirFormulas() {
    Tensor x = Tensor.of(new double[][] {{-2, 0, 150}});
    assertTrue(
        Activation.relu().predict(x).allClose(Tensor.of(new double[][] {{0, 0, 150}}), 0, 0));
    double e = Math.E;
    // lecture 000: σ(x) = 1/(1+e^{x/150}): σ(−2) = 1/(1+e^{−2/150}), σ(0) = ½, σ(150) = 1/(1+e)
    Tensor s = Activation.lectureSigmoid().predict(x);
    Tensor expected =
        Tensor.of(new double[][] {{1 / (1 + Math.exp(-2.0 / 150)), 0.5, 1 / (1 + e)}});
    assertTrue(s.allClose(expected, 0, 1e-12), s.toString());
    Tensor sp = Activation.softplus().predict(x);
    assertEquals(Math.log(1 + Math.exp(-2)), sp.get(0, 0), 1e-12);
    assertEquals(Math.tanh(-2), Activation.tanh().predict(x).get(0, 0), 1e-12);
    assertEquals(1 / (1 + Math.exp(2)), Activation.sigmoid().predict(x).get(0, 0), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Activation.named("gelu"));
  }
}
