package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The exact Hessian operator on a small MLP, and lecture 004's H = H₀ + H₁. */
class HessianOperatorTest {
  private static final LossCurvature CE = LossCurvature.softmaxCrossEntropy();

  @Test
  void denseColumnsEqualDifferencesOfTheGradient() {
    try (SmallMlp mlp = new SmallMlp(6, 3, 4, 3, 61)) {
      Var loss = CE.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.params());
      Tensor dense = h.toDense();
      Tensor theta = mlp.point();
      int n = theta.size();
      double step = 1e-5;
      double[] fd = new double[n * n];
      for (int j = 0; j < n; j++) {
        double[] plus = theta.toDoubleArray();
        double[] minus = theta.toDoubleArray();
        plus[j] += step;
        minus[j] -= step;
        double[] gp = mlp.gradientAt(CE, Tensor.of(theta.shape(), plus)).readF64();
        double[] gm = mlp.gradientAt(CE, Tensor.of(theta.shape(), minus)).readF64();
        for (int i = 0; i < n; i++) {
          fd[i * n + j] = (gp[i] - gm[i]) / (2 * step);
        }
      }
      assertMatrixClose(Tensor.of(dense.shape(), fd), dense, 1e-8, "H vs differences of ∇L");
      assertTrue(OperatorAssert.asymmetry(dense) <= 1e-13, "H is symmetric");
    }
  }

  @Test
  void secondOrderTaylorRemainderIsCubic() {
    try (SmallMlp mlp = new SmallMlp(6, 3, 4, 3, 62)) {
      Var loss = CE.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.params());
      Tensor theta = mlp.point();
      Tensor v = Tensor.randn(theta.shape(), 5);
      double f0 = loss.item();
      double gv = Vectors.dot(h.gradient().value(), v);
      double vhv = Vectors.dot(v, h.apply(v));
      double[] e1 = new double[4];
      double[] e2 = new double[4];
      double step = 0.01; // small enough for the quadratic term to dominate e1
      for (int k = 0; k < 4; k++, step /= 2) {
        double f = mlp.lossAt(CE, Vectors.axpy(step, v, theta));
        e1[k] = Math.abs(f - f0 - step * gv);
        e2[k] = Math.abs(f - f0 - step * gv - 0.5 * step * step * vhv);
      }
      for (int k = 1; k < 4; k++) {
        double slope1 = Math.log(e1[k - 1] / e1[k]) / Math.log(2);
        double slope2 = Math.log(e2[k - 1] / e2[k]) / Math.log(2);
        assertEquals(2, slope1, 0.3, "first-order remainder is O(h²)");
        assertTrue(slope2 > 2.7, "second-order remainder is O(h³): slope " + slope2);
      }
    }
  }

  @Test
  void productsDoNotGrowTheTape() {
    try (SmallMlp mlp = new SmallMlp(4, 3, 4, 2, 63)) {
      Var loss = CE.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.params());
      int size = mlp.tape.size();
      Tensor v = Tensor.randn(h.domain(), 3);
      Tensor first = h.apply(v);
      for (int i = 0; i < 3; i++) {
        assertEquals(first, h.apply(v));
      }
      assertEquals(size, mlp.tape.size());
    }
  }

  @Test
  void hessianMinusGaussNewtonVanishesForALinearModelAndIsSymmetricOtherwise() {
    // linear model y = X W + b with squared error: the model has no curvature, so H = G (H₁ = 0)
    try (Tape tape = new Tape()) {
      Var w = tape.variable("W", Tensor.randn(Shape.of(3, 2), 64));
      Var b = tape.variable("b", Tensor.randn(Shape.of(1, 2), 65));
      Var y = Ops.add(Ops.matmul(tape.constant("X", Tensor.randn(Shape.of(5, 3), 66)), w), b);
      Tensor t = Tensor.randn(y.shape(), 67);
      LossCurvature se = LossCurvature.squaredError();
      GaussNewtonOperator g = GaussNewtonOperator.of(tape, y, se, t, w, b);
      HessianOperator h = HessianOperator.of(tape, se.record(y, tape.constant(t)), w, b);
      assertTrue(OperatorAssert.maxAbs(h.minus(g).toDense()) <= 1e-13);
      assertTrue(OperatorAssert.maxAbs(g.toDense()) > 0.1);
    }
    try (SmallMlp mlp = new SmallMlp(6, 3, 4, 3, 68)) {
      GaussNewtonOperator g =
          GaussNewtonOperator.of(mlp.tape, mlp.output, CE, mlp.onehot, mlp.params());
      HessianOperator h =
          HessianOperator.of(
              mlp.tape, CE.record(mlp.output, mlp.tape.constant(mlp.onehot)), mlp.params());
      Tensor h1 = h.minus(g).toDense();
      assertTrue(OperatorAssert.maxAbs(h1) > 1e-3, "a tanh MLP has H₁ ≠ 0");
      assertTrue(OperatorAssert.asymmetry(h1) <= 1e-13, "H − G is symmetric");
    }
  }

  @Test
  void lossLinearInTheParametersHasZeroHessian() {
    try (Tape tape = new Tape()) {
      Var w = tape.variable("w", Tensor.randn(Shape.of(4), 69));
      Var l = Ops.dot(w, tape.constant(Tensor.randn(Shape.of(4), 70)));
      HessianOperator h = HessianOperator.of(tape, l, w);
      assertEquals(0, OperatorAssert.maxAbs(h.toDense()), 0);
    }
  }

  @Test
  void badInputsAreNamed() {
    try (SmallMlp mlp = new SmallMlp(4, 3, 4, 2, 71)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> HessianOperator.of(mlp.tape, mlp.output, mlp.params()));
      assertTrue(e.getMessage().contains("not a single value"), e.getMessage());
      Var loss = CE.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.w1);
      e = assertThrows(IllegalArgumentException.class, () -> h.apply(Tensor.zeros(3, 4)));
      assertTrue(
          e.getMessage().contains("[3, 4]") && e.getMessage().contains("[12]"), e.getMessage());
    }
  }
}
