package org.vecgrad.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.apply;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.sigmoid;
import static org.vecgrad.autodiff.Ops.softmaxCrossEntropy;
import static org.vecgrad.autodiff.Ops.sum;
import static org.vecgrad.autodiff.Ops.tanh;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The checks pass on right rules and catch a wrong VJP or JVP, naming the guilty op. */
class ChecksTest {
  private static final Tensor W = Tensor.randn(Shape.of(3, 4), 1);
  private static final Tensor X = Tensor.randn(Shape.of(4, 2), 2);
  private static final Tensor Y =
      Tensor.of(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 0}}); // one-hot targets, batch of 2

  /** A two-layer net (weights [4, 4], inputs [4, 2]) with a loss: what users check. */
  private static final TapeFunction NET =
      x ->
          softmaxCrossEntropy(
              Ops.transpose(matmul(x[0], tanh(matmul(x[0], x[1], true, false)))), Var.constant(Y));

  private static TapeFunction through(WrongRules op) {
    return x -> sum(tanh(apply(op, matmul(x[0], x[1]))));
  }

  @Test
  void rightRulesPassEveryCheck() {
    TapeFunction f = x -> sigmoid(add(matmul(x[0], x[1]), Var.constant(Tensor.scalar(0.5))));
    // f has 3×2 outputs: assertTaylor judges both the forward and the reverse sweep
    Checks.assertGradient(f, W, X);
    Checks.assertAdjoint(f, W, X);
    Checks.assertTaylor(f, W, X);
    Checks.assertSecondOrderTaylor(f, W, X);
  }

  @Test
  void aLossOfAWholeNetPasses() {
    Tensor w = Tensor.randn(Shape.of(4, 4), 5);
    TapeFunction f = x -> NET.apply(x[0], x[1]);
    Checks.assertGradient(f, w, X);
    Checks.assertAdjoint(f, w, X);
    Checks.assertTaylor(f, w, X);
  }

  @Test
  void wrongVjpIsCaughtByEveryCheckAndNamed() {
    TapeFunction f = through(WrongRules.BAD_VJP);
    CheckFailure fd = assertThrows(CheckFailure.class, () -> Checks.assertGradient(f, W, X));
    assertNames(fd, "badVjpSquare");
    CheckFailure adj = assertThrows(CheckFailure.class, () -> Checks.assertAdjoint(f, W, X));
    assertNames(adj, "badVjpSquare");
    CheckFailure taylor = assertThrows(CheckFailure.class, () -> Checks.assertTaylor(f, W, X));
    assertNames(taylor, "badVjpSquare");
    assertTrue(taylor.getMessage().contains("reverse sweeps"), taylor.getMessage());
  }

  @Test
  void wrongJvpIsCaughtByEveryCheckAndNamed() {
    TapeFunction f = through(WrongRules.BAD_JVP);
    CheckFailure fd = assertThrows(CheckFailure.class, () -> Checks.assertGradient(f, W, X));
    assertNames(fd, "badJvpSquare");
    assertTrue(fd.getMessage().contains("forward sweep"), fd.getMessage());
    CheckFailure adj = assertThrows(CheckFailure.class, () -> Checks.assertAdjoint(f, W, X));
    assertNames(adj, "badJvpSquare");
    CheckFailure taylor = assertThrows(CheckFailure.class, () -> Checks.assertTaylor(f, W, X));
    assertNames(taylor, "badJvpSquare");
  }

  private static void assertNames(CheckFailure failure, String op) {
    assertFalse(failure.report().passed());
    assertTrue(
        failure.report().suspects().stream().anyMatch(s -> s.contains(op)),
        () -> "suspects should name " + op + ":\n" + failure.getMessage());
    assertTrue(
        failure.report().suspects().stream().noneMatch(s -> s.contains("tanh")),
        () -> "a right op was blamed:\n" + failure.getMessage());
    assertTrue(failure.getMessage().contains(op), failure::getMessage);
  }

  @Test
  void finiteDifferencesNameTheWorstElement() {
    FiniteDifferenceReport r =
        FiniteDifferenceCheck.of(x -> apply(WrongRules.BAD_VJP, x[0]), Tensor.of(0.5, -3, 1)).run();
    assertFalse(r.passed());
    // x̄ = x·ȳ instead of 2x·ȳ: the error is largest where |x| is, at index 1
    assertEquals("x0[1]", r.worst().where());
    assertEquals(2 * r.worst().analytic(), r.worst().numeric(), 1e-6);
    assertTrue(r.toString().contains("worst x0[1]"), r::toString);
  }

  @Test
  void bigInputsUseRandomProjections() {
    Tensor big = Tensor.randn(Shape.of(20, 20), 3);
    FiniteDifferenceReport r =
        FiniteDifferenceCheck.of(x -> sum(tanh(matmul(x[0], x[0]))), big).maxElements(100).run();
    assertTrue(r.passed(), r::toString);
    assertEquals(12, r.entries().size()); // 6 projections, both sweeps
    FiniteDifferenceReport bad =
        FiniteDifferenceCheck.of(x -> sum(apply(WrongRules.BAD_VJP, x[0])), big)
            .maxElements(100)
            .run();
    assertFalse(bad.passed(), bad::toString);
  }

  @Test
  void taylorTableShowsOrdersOneAndTwo() {
    TaylorReport r = TaylorTest.of(x -> Ops.exp(tanh(x[0])), W).run();
    assertTrue(r.passed(), r::toString);
    assertEquals(1, r.typicalSlope(0), 0.1);
    assertEquals(2, r.typicalSlope(1), 0.15);
    assertTrue(r.toString().contains("ord1"), r::toString);
  }

  @Test
  void secondOrderTaylorValidatesHessianVectorProducts() {
    TapeFunction f = x -> sum(Ops.exp(tanh(matmul(x[0], x[1]))));
    TaylorReport ff = TaylorTest.of(f, W, X).secondOrder().run();
    assertTrue(ff.passed(), ff::toString);
    assertEquals(3, ff.typicalSlope(2), 0.3);
    TaylorReport rr =
        TaylorTest.of(f, W, X).secondOrder(SecondDerivative.reverseOverReverse(f)).run();
    assertTrue(rr.passed(), rr::toString);
    // a user's HVP of ½‖x‖⁴/4-like quartic: f(x) = (Σx²)², H v = 4(Σx²)v + 8(x·v)x
    TapeFunction q = x -> Ops.square(sum(Ops.square(x[0])));
    SecondDerivative right = SecondDerivative.ofProduct((x, v) -> hvpOfQuartic(x, v, 8));
    SecondDerivative wrong = SecondDerivative.ofProduct((x, v) -> hvpOfQuartic(x, v, 4));
    Tensor x0 = Tensor.randn(Shape.of(5), 9);
    assertTrue(TaylorTest.of(q, x0).secondOrder(right).run().passed());
    TaylorReport bad = TaylorTest.of(q, x0).secondOrder(wrong).run();
    assertFalse(bad.passed(), bad::toString);
  }

  private static Tensor hvpOfQuartic(Tensor x, Tensor v, double c) {
    double s = Vectors.dot(x, x);
    double xv = Vectors.dot(x, v);
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 4 * s * v.at(i) + c * xv * x.at(i);
    }
    return Tensor.wrap(x.shape(), out);
  }

  @Test
  void linearFunctionsAreExactToRoundOff() {
    TaylorReport r = TaylorTest.of(x -> matmul(x[0], x[1]), W, X).wrt(true, false).run();
    assertTrue(r.passed(), r::toString);
    assertTrue(r.verdict().contains("round-off"), r::verdict);
  }

  @Test
  void adjointOfAnyLinearOperatorAndOfAGraphBlock() {
    Checks.assertAdjoint(new MatrixOperator(W, false));
    CheckFailure f =
        assertThrows(CheckFailure.class, () -> Checks.assertAdjoint(new MatrixOperator(W, true)));
    assertTrue(f.getMessage().contains("FAIL"), f::getMessage);
    try (Tape tape = new Tape()) {
      Var w = tape.variable("W", W);
      Var x = tape.variable("X", X);
      Var y = tanh(matmul(w, x));
      AdjointReport r = Checks.assertAdjoint(y, w);
      assertTrue(r.residual() <= 1e-12, r::toString);
      Checks.assertAdjoint(y, w, x);
      Var bad = apply(WrongRules.BAD_JVP, y);
      CheckFailure g = assertThrows(CheckFailure.class, () -> Checks.assertAdjoint(bad, x));
      assertTrue(g.getMessage().contains("badJvpSquare"), g::getMessage);
    }
  }

  @Test
  void float32UsesLooserTolerances() {
    Tensor w = W.cast(DType.F32);
    Tensor x = X.cast(DType.F32);
    TapeFunction f = v -> sum(tanh(matmul(v[0], v[1])));
    FiniteDifferenceReport r = Checks.assertGradient(f, w, x);
    assertEquals(Tolerances.of(DType.F32).fdRelative(), r.tolerance());
    Checks.assertAdjoint(f, w, x);
    Checks.assertTaylor(f, w, x);
    // and a wrong rule is still caught at F32 precision
    assertThrows(CheckFailure.class, () -> Checks.assertTaylor(through(WrongRules.BAD_JVP), w, x));
    assertThrows(CheckFailure.class, () -> Checks.assertTaylor(through(WrongRules.BAD_VJP), w, x));
    assertThrows(
        CheckFailure.class, () -> Checks.assertGradient(through(WrongRules.BAD_VJP), w, x));
    assertThrows(CheckFailure.class, () -> Checks.assertAdjoint(through(WrongRules.BAD_JVP), w, x));
  }

  /** {@code A v} for a matrix, with a right or a deliberately wrong transpose. */
  private record MatrixOperator(Tensor a, boolean wrongTranspose)
      implements org.vecgrad.linop.LinearOperator {
    @Override
    public Shape domain() {
      return Shape.of(a.shape().dim(1));
    }

    @Override
    public Shape range() {
      return Shape.of(a.shape().dim(0));
    }

    @Override
    public Tensor apply(Tensor v) {
      try (Tape t = new Tape()) {
        return matmul(Var.constant(a), Var.constant(v.reshape(domain().size(), 1)))
            .value()
            .reshape(range());
      }
    }

    @Override
    public Tensor applyAdjoint(Tensor u) {
      Var au = matmul(Var.constant(a), Var.constant(u.reshape(range().size(), 1)), true, false);
      Tensor r = au.value().reshape(domain());
      return wrongTranspose ? Vectors.axpy(r, 0.01, r) : r;
    }
  }
}
