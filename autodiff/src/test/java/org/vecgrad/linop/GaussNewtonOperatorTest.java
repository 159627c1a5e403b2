package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.linop.OperatorAssert.assertAdjoint;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;
import static org.vecgrad.linop.OperatorAssert.matmul;
import static org.vecgrad.linop.OperatorAssert.transpose;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** G = Jᵀ H_L J on a small MLP: dense agreement, symmetry, semi-definiteness, reuse of the tape. */
class GaussNewtonOperatorTest {

  /** Jᵀ·H_L·J formed from the dense Jacobian (flattened output) and the dense loss Hessian. */
  private static Tensor denseReference(GaussNewtonOperator g, Tensor target, LossCurvature loss) {
    Shape out = g.jacobian().range();
    LinearOperator flat = Operators.reshape(out, Shape.of(out.size()));
    Tensor j = flat.compose(g.jacobian()).toDense();
    Tensor hl =
        flat.compose(loss.hessian(g.jacobian().output().value(), target))
            .compose(flat.transpose())
            .toDense();
    return matmul(transpose(j), matmul(hl, j));
  }

  @Test
  void denseColumnsEqualJtHJ() {
    try (SmallMlp mlp = new SmallMlp(6, 3, 5, 4, 51)) {
      for (LossCurvature loss :
          new LossCurvature[] {LossCurvature.softmaxCrossEntropy(), LossCurvature.squaredError()}) {
        GaussNewtonOperator g =
            GaussNewtonOperator.of(mlp.tape, mlp.output, loss, mlp.onehot, mlp.params());
        assertEquals(Shape.of(3 * 5 + 5 + 5 * 4 + 4), g.domain());
        Tensor dense = g.toDense();
        assertMatrixClose(denseReference(g, mlp.onehot, loss), dense, 1e-13, loss.name() + " G");
        assertTrue(OperatorAssert.asymmetry(dense) <= 1e-14, "G is symmetric");
        double[] eig = SymmetricEigen.of(dense).values();
        assertTrue(
            eig[eig.length - 1] >= -1e-13 * eig[0], "G is PSD: λ_min = " + eig[eig.length - 1]);
      }
    }
  }

  @Test
  void symmetricAndSemiDefiniteOnRandomVectors() {
    try (SmallMlp mlp = new SmallMlp(8, 4, 6, 3, 52)) {
      GaussNewtonOperator g =
          GaussNewtonOperator.of(
              mlp.tape, mlp.output, LossCurvature.softmaxCrossEntropy(), mlp.onehot, mlp.params());
      for (long seed = 1; seed <= 5; seed++) {
        Tensor u = Tensor.randn(g.domain(), seed);
        Tensor v = Tensor.randn(g.domain(), seed + 100);
        double ugv = Vectors.dot(u, g.apply(v));
        double vgu = Vectors.dot(v, g.apply(u));
        assertEquals(ugv, vgu, 1e-12 * Math.max(1, Math.abs(ugv)), "uᵀGv = vᵀGu");
        assertTrue(Vectors.dot(v, g.apply(v)) >= 0, "vᵀGv ≥ 0");
      }
      assertAdjoint(g);
      assertAdjoint(g.jacobian());
    }
  }

  @Test
  void repeatedProductsReuseTheTape() {
    try (SmallMlp mlp = new SmallMlp(5, 3, 4, 2, 53)) {
      GaussNewtonOperator g =
          GaussNewtonOperator.of(
              mlp.tape, mlp.output, LossCurvature.squaredError(), mlp.onehot, mlp.params());
      int size = mlp.tape.size();
      Tensor v = Tensor.randn(g.domain(), 7);
      Tensor first = g.apply(v);
      for (int i = 0; i < 5; i++) {
        assertEquals(first, g.apply(v), "same product every time");
      }
      assertEquals(size, mlp.tape.size(), "no node recorded by the products");
    }
  }

  @Test
  void hingeGaussNewtonIsZero() {
    try (SmallMlp mlp = new SmallMlp(5, 3, 4, 2, 54)) {
      double[] t = new double[10];
      for (int i = 0; i < 10; i++) {
        t[i] = i % 3 == 0 ? 1 : -1;
      }
      GaussNewtonOperator g =
          GaussNewtonOperator.of(
              mlp.tape,
              mlp.output,
              LossCurvature.hinge(),
              Tensor.of(mlp.output.shape(), t),
              mlp.params());
      assertEquals(0, Tensor.randn(g.domain(), 1).norm() * OperatorAssert.maxAbs(g.toDense()), 0);
    }
  }

  @Test
  void badTargetsAreNamed() {
    try (SmallMlp mlp = new SmallMlp(5, 3, 4, 2, 55)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  GaussNewtonOperator.of(
                      mlp.tape,
                      mlp.output,
                      LossCurvature.squaredError(),
                      Tensor.zeros(2, 5),
                      mlp.params()));
      assertTrue(e.getMessage().contains("squaredError target"), e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> GaussNewtonOperator.of(mlp.tape, mlp.output, null, mlp.onehot, mlp.params()));
    }
  }
}
