package org.vecgrad.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.loss.SquaredError;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 003 (Chou, Gieshoff, Maly, Rauhut): gradient descent on {@code ½‖W₃W₂W₁ − Ŵ‖²_F} from the
 * identical initialisation {@code W_j(0) = αI} converges to {@code VΛ₊Vᵀ} — the positive part of
 * the symmetric target — built entirely from nn pieces: bias-free {@link Linear} layers with {@link
 * Init#scaledIdentity}, {@link SquaredError}, {@link Sgd}.
 */
class DeepMatrixFactorizationTest {
  private static Tensor mm(Tensor a, Tensor b, boolean tB) {
    return Ops.matmul(Var.constant(a), Var.constant(b), false, tB).value();
  }

  @Test
  void identicalInitialisationRecoversThePositiveEigenvalues() {
    int n = 4;
    Tensor v = Init.orthogonal(1).sample(Shape.of(n, n), DType.F64, new SplittableRandom(3));
    Tensor lambda =
        Tensor.of(new double[][] {{10, 0, 0, 0}, {0, 7, 0, 0}, {0, 0, 5, 0}, {0, 0, 0, -5}});
    Tensor lambdaPlus =
        Tensor.of(new double[][] {{10, 0, 0, 0}, {0, 7, 0, 0}, {0, 0, 5, 0}, {0, 0, 0, 0}});
    Tensor target = mm(mm(v, lambda, false), v, true); // Ŵ = VΛVᵀ
    Tensor expected = mm(mm(v, lambdaPlus, false), v, true); // VΛ₊Vᵀ

    SplittableRandom rng = new SplittableRandom(0);
    Sequential net = new Sequential();
    for (int j = 1; j <= 3; j++) {
      net.add("W" + j, new Linear(n, n, Init.scaledIdentity(0.1), null, DType.F64, rng));
    }
    // with X = I the output is I·W₁ᵀW₂ᵀW₃ᵀ = (W₃W₂W₁)ᵀ, and Ŵ is symmetric
    Tensor eye = Tensor.eye(n);
    Sgd sgd = new Sgd(0.005); // below the lecture's bound 1/((3N−2) M^{2N−2}) ≈ 0.0066
    List<Parameter> params = net.parameters();
    for (int k = 0; k < 1500; k++) {
      try (Tape tape = new Tape()) {
        Var out = net.call(tape, tape.constant("I", eye));
        Var loss = SquaredError.sum().value(out, tape.constant("target", target));
        net.backward(tape, loss);
      }
      sgd.step(params);
      net.zeroGrad();
    }
    Tensor product = net.predict(eye);
    assertTrue(
        product.allClose(expected, 0, 1e-3),
        "W₃W₂W₁ = " + product + "\nexpected VΛ₊Vᵀ = " + expected);
    // and not the target itself: from αI the eigenvalue −5 is not recovered, ‖product − Ŵ‖_F ≈ 5
    double missed = Ops.sub(Var.constant(product), Var.constant(target)).value().norm();
    assertTrue(Math.abs(missed - 5) < 1e-3, "‖W₃W₂W₁ − Ŵ‖_F = " + missed);
  }
}
