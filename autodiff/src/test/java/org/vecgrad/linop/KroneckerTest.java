package org.vecgrad.linop;

import static org.vecgrad.linop.OperatorAssert.assertAdjoint;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;
import static org.vecgrad.linop.OperatorAssert.matmul;
import static org.vecgrad.linop.OperatorAssert.transpose;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Lecture 002's identities for vec, mat, the Kronecker product and the commutation matrix. */
class KroneckerTest {
  private final Tensor a = Tensor.randn(Shape.of(4, 3), 21); // A  p×q
  private final Tensor x = Tensor.randn(Shape.of(3, 5), 22); // X  q×s
  private final Tensor b = Tensor.randn(Shape.of(5, 2), 23); // B  s×r

  private static Tensor vec(Tensor m) {
    return Operators.vec(m.shape().dim(0), m.shape().dim(1)).apply(m);
  }

  @Test
  void vecOfAxbIsKroneckerOfBTransposeAndA() {
    // vec(A X B) = (Bᵀ ⊗ A) vec(X)
    Tensor lhs = vec(matmul(matmul(a, x), b));
    Tensor rhs = Operators.kronecker(transpose(b), a).apply(vec(x));
    assertMatrixClose(
        lhs.reshape(Shape.of(lhs.size(), 1)),
        rhs.reshape(Shape.of(rhs.size(), 1)),
        1e-13,
        "vec(AXB)");
  }

  @Test
  void vecOfAxIsIdentityKroneckerA() {
    // vec(A X) = (I ⊗ A) vec(X)
    Tensor lhs = vec(matmul(a, x));
    Tensor rhs = Operators.kronecker(Tensor.eye(5), a).apply(vec(x));
    assertMatrixClose(
        lhs.reshape(Shape.of(lhs.size(), 1)),
        rhs.reshape(Shape.of(rhs.size(), 1)),
        1e-13,
        "vec(AX)");
  }

  @Test
  void kroneckerMatchesTheFormedProductAndItsAdjoint() {
    Tensor p = Tensor.randn(Shape.of(2, 3), 24);
    Tensor q = Tensor.randn(Shape.of(4, 2), 25);
    LinearOperator k = Operators.kronecker(p, q);
    double[] formed = new double[8 * 6]; // (P ⊗ Q)[i·4 + r, j·2 + s] = P[i,j]·Q[r,s]
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        for (int r = 0; r < 4; r++) {
          for (int s = 0; s < 2; s++) {
            formed[(i * 4 + r) * 6 + j * 2 + s] = p.get(i, j) * q.get(r, s);
          }
        }
      }
    }
    assertMatrixClose(Tensor.of(Shape.of(8, 6), formed), k.toDense(), 1e-14, "P ⊗ Q");
    assertAdjoint(k);
  }

  @Test
  void matInvertsVecAndCommutationTransposes() {
    LinearOperator vec = Operators.vec(3, 5);
    LinearOperator mat = Operators.mat(3, 5);
    assertMatrixClose(x, mat.apply(vec.apply(x)), 0, "mat(vec(X))");
    // K_{q,s} vec(X) = vec(Xᵀ)
    Tensor kx = Operators.commutation(3, 5).apply(vec(x));
    assertMatrixClose(
        vec(transpose(x)).reshape(Shape.of(15, 1)), kx.reshape(Shape.of(15, 1)), 0, "K vec(X)");
    // K_{m,n}ᵀ = K_{n,m}
    assertMatrixClose(
        Operators.commutation(5, 3).toDense(),
        Operators.commutation(3, 5).transpose().toDense(),
        0,
        "K_{3,5}ᵀ");
    assertAdjoint(vec);
    assertAdjoint(Operators.commutation(3, 5));
  }
}
