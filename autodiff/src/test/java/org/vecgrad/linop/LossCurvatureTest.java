package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Closed-form loss Hessians against the tape's exact Hessian of the recorded loss. */
class LossCurvatureTest {
  private final Tensor output = Tensor.randn(Shape.of(3, 4), 41);

  /** The exact Hessian of the recorded loss with respect to the output, formed densely. */
  private static Tensor exactHessian(LossCurvature loss, Tensor y, Tensor t) {
    try (Tape tape = new Tape()) {
      Var yv = tape.variable("y", y);
      Var l = loss.record(yv, tape.constant("t", t));
      return HessianOperator.of(tape, l, yv).toDense();
    }
  }

  private static Tensor closedForm(LossCurvature loss, Tensor y, Tensor t) {
    return Operators.reshape(Shape.of(y.size()), y.shape())
        .transpose()
        .compose(loss.hessian(y, t))
        .compose(Operators.reshape(Shape.of(y.size()), y.shape()))
        .toDense();
  }

  @Test
  void squaredErrorHessianIsIdentity() {
    Tensor t = Tensor.randn(output.shape(), 42);
    LossCurvature l = LossCurvature.squaredError();
    assertMatrixClose(Tensor.eye(12), closedForm(l, output, t), 0, "H_L");
    assertMatrixClose(exactHessian(l, output, t), closedForm(l, output, t), 1e-13, "H_L vs tape");
  }

  @Test
  void softmaxCrossEntropyHessianMatchesTheTapeAndIsPsd() {
    Tensor onehot = Tensor.of(Shape.of(3, 4), 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1);
    Tensor soft = Tensor.rand(Shape.of(3, 4), 0, 0.5, 43); // rows summing to ≠ 1: s_i matters
    LossCurvature l = LossCurvature.softmaxCrossEntropy();
    for (Tensor t : new Tensor[] {onehot, soft}) {
      Tensor h = closedForm(l, output, t);
      assertMatrixClose(exactHessian(l, output, t), h, 1e-13, "H_L vs tape");
      double min = SymmetricEigen.of(h).values()[11];
      assertTrue(min >= -1e-14, "smallest eigenvalue " + min);
    }
  }

  @Test
  void hingeHessianIsZeroAwayFromKinksAndUndefinedAtThem() {
    Tensor t = Tensor.of(Shape.of(3, 4), 1, -1, 1, 1, -1, -1, 1, -1, 1, 1, -1, 1);
    LossCurvature l = LossCurvature.hinge();
    assertMatrixClose(exactHessian(l, output, t), closedForm(l, output, t), 0, "H_L vs tape");
    assertEquals(0, OperatorAssert.maxAbs(closedForm(l, output, t)), 0);
    double[] y = output.toDoubleArray();
    y[5] = -1; // y·t = 1 at element 5
    Tensor kink = Tensor.of(output.shape(), y);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> l.hvp(kink, t, kink));
    assertTrue(e.getMessage().contains("element 5"), e.getMessage());
  }

  @Test
  void valueAndGradientFollowTheRecordedForm() {
    Tensor t = Tensor.randn(output.shape(), 44);
    LossCurvature l = LossCurvature.squaredError();
    double expected = 0;
    for (int i = 0; i < 12; i++) {
      expected += 0.5 * Math.pow(output.at(i) - t.at(i), 2);
    }
    assertEquals(expected, l.value(output, t), 1e-13);
    Tensor g = l.gradient(output, t);
    for (int i = 0; i < 12; i++) {
      assertEquals(output.at(i) - t.at(i), g.at(i), 1e-14);
    }
  }

  @Test
  void mismatchedShapesAreNamed() {
    LossCurvature l = LossCurvature.softmaxCrossEntropy();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> l.hvp(output, Tensor.zeros(4, 3), output));
    assertTrue(e.getMessage().startsWith("softmaxCrossEntropy.hvp target"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> l.hvp(output, output, Tensor.zeros(12)));
    assertTrue(
        e.getMessage().contains("[12]") && e.getMessage().contains("[3, 4]"), e.getMessage());
  }
}
