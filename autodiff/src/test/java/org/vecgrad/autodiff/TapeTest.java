package org.vecgrad.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.sigmoid;
import static org.vecgrad.autodiff.Ops.squaredError;
import static org.vecgrad.autodiff.Ops.sum;
import static org.vecgrad.autodiff.Ops.tanh;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The sweeps and the tape's contract: answers, modes and errors. */
class TapeTest {

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.at(i) * b.at(i);
    }
    return s;
  }

  /** Lecture 003, eq. (4): ∇_{W_j} L = (W_N⋯W_{j+1})ᵀ (W − Ŵ) (W_{j−1}⋯W_1)ᵀ for N = 3. */
  @Test
  void deepLinearNetworkGradientMatchesLectureFormula() {
    Shape s = Shape.of(4, 4);
    Tensor w1 = Tensor.randn(s, 1);
    Tensor w2 = Tensor.randn(s, 2);
    Tensor w3 = Tensor.randn(s, 3);
    Tensor target = Tensor.randn(s, 4);
    try (Tape tape = new Tape()) {
      Var v1 = tape.variable("W1", w1);
      Var v2 = tape.variable("W2", w2);
      Var v3 = tape.variable("W3", w3);
      Var product = matmul(v3, matmul(v2, v1));
      Var loss = squaredError(product, Var.constant(target));
      Gradients g = tape.grad(loss, v1, v2, v3);
      try (Tape.Pause p = tape.pause()) {
        Var residual = Ops.sub(product, Var.constant(target)); // ∇_W L = W − Ŵ
        Var g1 = matmul(matmul(v2, v3, true, true), residual); // (W3 W2)ᵀ R
        Var g2 = matmul(matmul(v3, residual, true, false), v1, false, true); // W3ᵀ R W1ᵀ
        Var g3 = matmul(residual, matmul(v2, v1), false, true); // R (W2 W1)ᵀ
        assertTrue(g.of(v1).allClose(g1.value(), 1e-12, 1e-12));
        assertTrue(g.of(v2).allClose(g2.value(), 1e-12, 1e-12));
        assertTrue(g.of(v3).allClose(g3.value(), 1e-12, 1e-12));
      }
    }
  }

  @Test
  void forwardAndReverseSweepsAreAdjoint() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", Tensor.randn(Shape.of(5, 3), 11));
      Var w = tape.variable("W", Tensor.randn(Shape.of(3, 4), 12));
      Var b = tape.variable("b", Tensor.randn(Shape.of(4), 13));
      Var y = tanh(add(matmul(x, w), b));
      Tensor dx = Tensor.randn(x.shape(), 21);
      Tensor dw = Tensor.randn(w.shape(), 22);
      Tensor db = Tensor.randn(b.shape(), 23);
      Tensor u = Tensor.randn(y.shape(), 24);
      Tensor jv = tape.forward().tangent(x, dx).tangent(w, dw).tangent(b, db).run().of(y);
      Gradients jtu = tape.vjp(y, u, x, w, b);
      double lhs = dot(u, jv);
      double rhs = dot(jtu.of(x), dx) + dot(jtu.of(w), dw) + dot(jtu.of(b), db);
      assertEquals(lhs, rhs, 1e-12 * Math.max(1, Math.abs(lhs)));
    }
  }

  @Test
  void hessianVectorProductMatchesFiniteDifferenceOfGradient() {
    Tensor x0 = Tensor.randn(Shape.of(6), 5);
    Tensor v = Tensor.randn(Shape.of(6), 6);
    double h = 1e-6;
    Tensor hv;
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", x0);
      Var f = sum(mul(sigmoid(x), tanh(x)));
      Var g = tape.backward(f).wrt(x).createGraph().run().var(x);
      hv = tape.grad(Ops.dot(g, Var.constant(v)), x).of(x);
    }
    Tensor gp = gradientAt(x0, v, h);
    Tensor gm = gradientAt(x0, v, -h);
    for (int i = 0; i < 6; i++) {
      double fd = (gp.at(i) - gm.at(i)) / (2 * h);
      assertEquals(fd, hv.at(i), 1e-7);
    }
  }

  private static Tensor gradientAt(Tensor x0, Tensor v, double h) {
    double[] p = x0.toDoubleArray();
    for (int i = 0; i < p.length; i++) {
      p[i] += h * v.at(i);
    }
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", Tensor.of(p));
      return tape.grad(sum(mul(sigmoid(x), tanh(x))), x).of(x);
    }
  }

  @Test
  void deepChainDoesNotOverflowTheStack() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 0.5);
      Var y = x;
      for (int i = 0; i < 200_000; i++) {
        y = Ops.scale(y, 1.0);
      }
      assertEquals(1.0, tape.grad(y, x).of(x).item(), 0);
    }
  }

  /**
   * A detached constant used again gets the leaf it got the first time (in the same scope), so a
   * loop that multiplies by {@code c} records one leaf for it; other constants, and the same
   * constant in another scope, get their own. The gradient is unchanged: 0.5³ · x's seed.
   */
  @Test
  void reusedDetachedConstantGetsOneLeafPerScope() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2.0);
      Var c = Var.constant(0.5);
      Var d = Var.constant(3.0);
      Var y = x;
      for (int i = 0; i < 3; i++) {
        y = mul(add(mul(y, c), d), c);
      }
      long constants = tape.nodes().stream().filter(n -> n.kind() == Node.Kind.CONSTANT).count();
      assertEquals(2, constants, "one leaf for c, one for d");
      assertEquals(1 + 2 + 9, tape.size());
      assertEquals(Math.pow(0.5, 6), tape.grad(y, x).of(x).item(), 0);
      try (Tape.Pause s = tape.scope("layer")) {
        y = mul(y, c);
      }
      assertEquals(1 + 2 + 9 + 2, tape.size(), "c gets a leaf of its own in the new scope");
      assertEquals("layer", tape.node(tape.size() - 2).scope());
    }
  }

  /**
   * A tape of a million op nodes: recording, both sweeps and the relevance pass are loops, so the
   * depth cannot overflow the stack, and the gradient is exact (500 001 unit contributions into x).
   */
  @Test
  void millionNodeChainDifferentiatesCorrectly() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 0.5);
      Var unused = tape.variable("unused", 2.0);
      Var y = x;
      for (int i = 0; i < 500_000; i++) {
        y = Ops.scale(add(y, x), 1.0);
      }
      assertEquals(1_000_002, tape.size());
      assertEquals(500_001, tape.grad(y).of(x).item(), 0); // every variable: no relevance pass
      Gradients g = tape.grad(y, x); // a subset: the relevance pass runs
      assertEquals(500_001, g.of(x).item(), 0);
      assertEquals(500_001 * 0.5, y.item(), 0);
      Tangents t = tape.forward().tangent(x, Tensor.scalar(1)).run();
      assertEquals(500_001, t.of(y).item(), 0);
      assertEquals(0, tape.grad(y, unused).of(unused).item(), 0);
    }
  }

  @Test
  void unrelatedVariableHasZeroGradient() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var z = tape.variable("z", Tensor.ones(2, 2));
      Var f = mul(x, x);
      Gradients g = tape.grad(f, x, z);
      assertEquals(4, g.of(x).item(), 0);
      assertEquals(0, g.of(z).norm(), 0);
      assertEquals(Shape.of(2, 2), g.of(z).shape());
    }
  }

  @Test
  void keepAllExposesEveryAdjoint() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var y = tape.variable("y", 3);
      Var sq = Ops.square(x);
      Var s = add(x, y);
      Var f = mul(sq, s);
      Gradients g = tape.backward(f).keepAll().run();
      assertEquals(5, g.adjoint(sq).item(), 0); // ∂F/∂(x²) = x + y
      assertEquals(4, g.adjoint(s).item(), 0); // ∂F/∂(x+y) = x²
      assertEquals(1, g.adjoint(f).item(), 0);
    }
  }

  @Test
  void pauseStopsRecording() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      int before = tape.size();
      Var y;
      try (Tape.Pause p = tape.pause()) {
        y = mul(x, x);
      }
      assertEquals(before, tape.size());
      assertFalse(y.isRecorded());
      assertTrue(mul(x, x).isRecorded());
    }
  }

  @Test
  void scopesTagNodes() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var y;
      try (Tape.Pause s = tape.scope("mlp")) {
        try (Tape.Pause t = tape.scope("layer1")) {
          y = tanh(x);
        }
      }
      Var z = tanh(y);
      assertEquals("mlp/layer1", y.node().scope());
      assertNull(z.node().scope());
    }
  }

  // ------------------------------------------------------------------ errors

  @Test
  void closedTapeIsNamed() {
    Tape tape = new Tape();
    Var x = tape.variable("x", 1);
    tape.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> tanh(x));
    assertTrue(e.getMessage().contains("tanh") && e.getMessage().contains("closed"));
  }

  @Test
  void twoTapesAreRefused() {
    try (Tape a = new Tape();
        Tape b = new Tape()) {
      Var x = a.variable("x", 1);
      Var y = b.variable("y", 1);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> add(x, y));
      assertTrue(e.getMessage().contains("two different tapes"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> a.grad(mul(x, x), y));
    }
  }

  @Test
  void mixedDtypesNeedAnExplicitCast() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", Tensor.ones(3));
      Var y = tape.variable("y", Tensor.ones(Shape.of(3), DType.F32));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> add(x, y));
      assertTrue(e.getMessage().contains("mixed dtypes F64 and F32"), e.getMessage());
      assertTrue(e.getMessage().contains("cast"), e.getMessage());
      Var z = add(x, Ops.cast(y, DType.F64));
      assertEquals(DType.F64, z.dtype());
      assertEquals(DType.F32, tape.grad(sum(z), y).of(y).dtype());
    }
  }

  @Test
  void shapeMismatchNamesOpAndShapes() {
    try (Tape tape = new Tape()) {
      Var a = tape.variable("a", Tensor.zeros(3, 4));
      Var b = tape.variable("b", Tensor.zeros(5, 6));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matmul(a, b));
      assertEquals("matmul: [3, 4] · [5, 6]: inner dimensions 4 and 5 differ", e.getMessage());
      IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> add(a, b));
      assertTrue(f.getMessage().startsWith("add: shapes [3, 4] and [5, 6] do not broadcast"));
      assertEquals(2, tape.size(), "nothing is recorded for a failed op");
    }
  }

  @Test
  void gradOfNonScalarAsksForASeed() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", Tensor.ones(3));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tape.grad(tanh(x), x));
      assertTrue(e.getMessage().contains("not a single value"), e.getMessage());
    }
  }

  @Test
  void watchModeNamesTheFirstNonFiniteNode() {
    try (Tape tape = new Tape().watchNonFinite(true)) {
      Var x = tape.variable("x", Tensor.of(1, 0, 2));
      Var t = tanh(x); // finite: recorded as #1
      NonFiniteException e = assertThrows(NonFiniteException.class, () -> Ops.log(t)); // log 0
      assertEquals(
          "#2 log [3] produced a non-finite value in the forward pass;" + " inputs: #1 tanh [3]",
          e.getMessage());
      assertEquals(2, e.nodeIndex());
    }
  }

  @Test
  void forwardSweepCanStopAtAnOutput() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 3);
      Var y = Ops.square(x);
      Var later = Ops.exp(y); // recorded after y
      Tangents t = tape.forward().tangent(x, Tensor.scalar(1)).until(y).run();
      assertEquals(6, t.of(y).item(), 0);
      assertEquals(0, t.of(later).item(), 0, "nodes after the stopping point get no tangent");
    }
  }
}
