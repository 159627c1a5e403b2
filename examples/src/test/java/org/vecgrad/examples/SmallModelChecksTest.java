package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.softmaxCrossEntropy;
import static org.vecgrad.autodiff.Ops.tanh;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.Checks;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * How a user checks the derivatives of their own model: a two-layer classifier, its gradient and
 * its Jacobian's adjoint identity in one line each (docs/checking.md).
 */
class SmallModelChecksTest {
  // data: 5 examples of 3 features, one-hot labels of 4 classes
  static final Tensor X = Tensor.randn(Shape.of(5, 3), 1);
  static final Tensor Y =
      Tensor.of(
          new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}, {1, 0, 0, 0}});

  // parameters
  static final Tensor W1 = Tensor.randn(Shape.of(3, 6), 2);
  static final Tensor B1 = Tensor.randn(Shape.of(6), 3);
  static final Tensor W2 = Tensor.randn(Shape.of(6, 4), 4);

  /** The model's logits as a function of its parameters p = (W1, b1, W2). */
  static final TapeFunction LOGITS =
      p -> matmul(tanh(add(matmul(Var.constant(X), p[0]), p[1])), p[2]);

  /** The training loss. */
  static final TapeFunction LOSS = p -> softmaxCrossEntropy(LOGITS.apply(p), Var.constant(Y));

  @Test
  void gradientOfTheLoss() {
    Checks.assertGradient(LOSS, W1, B1, W2);
  }

  @Test
  void adjointOfTheModelJacobian() {
    Checks.assertAdjoint(LOGITS, W1, B1, W2);
  }

  @Test
  void taylorExpansionOfTheLoss() {
    Checks.assertTaylor(LOSS, W1, B1, W2);
  }
}
