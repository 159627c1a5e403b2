package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The adjoint identity ⟨u, Av⟩ = ⟨Aᵀu, v⟩ for one instance of every operator in the package. */
class EveryOperatorAdjointTest {

  @Test
  void everyOperatorPassesTheAdjointTest() {
    try (SmallMlp mlp = new SmallMlp(5, 3, 4, 3, 91)) {
      LossCurvature ce = LossCurvature.softmaxCrossEntropy();
      GaussNewtonOperator g =
          GaussNewtonOperator.of(mlp.tape, mlp.output, ce, mlp.onehot, mlp.params());
      Var loss = ce.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.params());
      Tensor a = Tensor.randn(Shape.of(3, 4), 92);
      Tensor b = Tensor.randn(Shape.of(2, 5), 93);
      List<LinearOperator> all = new ArrayList<>();
      all.add(Operators.identity(Shape.of(2, 3)));
      all.add(Operators.matrix(a));
      all.add(Operators.diagonal(Tensor.randn(Shape.of(7), 94)));
      all.add(Operators.kronecker(a, b));
      all.add(Operators.vec(3, 4));
      all.add(Operators.mat(3, 4));
      all.add(Operators.commutation(3, 4));
      all.add(Operators.reshape(Shape.of(3, 4), Shape.of(2, 6)));
      // [6] → [4] → [10] → [3]
      all.add(
          Operators.matrix(Tensor.randn(Shape.of(3, 10), 95))
              .compose(Operators.kronecker(b, Tensor.eye(2)).transpose())
              .compose(Operators.matrix(Tensor.randn(Shape.of(4, 6), 97))));
      all.add(Operators.kronecker(a, b).scale(-0.5).plus(Operators.kronecker(a, b)));
      all.add(JacobianOperator.of(mlp.tape, mlp.output, mlp.params()));
      all.add(JacobianOperator.of(mlp.tape, mlp.output, mlp.w2));
      all.add(ce.hessian(mlp.output.value(), mlp.onehot));
      all.add(g);
      all.add(h);
      all.add(h.minus(g));
      for (LinearOperator op : all) {
        double r = OperatorAssert.adjointResidual(op, 96);
        assertTrue(r <= 1e-12, op.describe() + ": adjoint residual " + r);
      }
    }
  }
}
