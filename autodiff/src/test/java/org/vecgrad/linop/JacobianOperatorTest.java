package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.tanh;
import static org.vecgrad.linop.OperatorAssert.assertAdjoint;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;
import static org.vecgrad.linop.OperatorAssert.transpose;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The Jacobian of a recorded graph as an operator, against lecture 002's single layer. */
class JacobianOperatorTest {
  private static final int M = 4; // neurons
  private static final int NF = 3; // features
  private static final int N = 5; // examples
  private final Tensor kValue = Tensor.randn(Shape.of(M, NF), 31);
  private final Tensor yValue = Tensor.randn(Shape.of(NF, N), 32);
  private final Tensor bValue = Tensor.randn(Shape.of(M, 1), 33);

  /** σ′(KY + b) for σ = tanh, as a tensor [M, N]. */
  private Tensor sigmaPrime(Var z) {
    double[] t = z.value().toDoubleArray();
    for (int i = 0; i < t.length; i++) {
      t[i] = 1 - t[i] * t[i];
    }
    return Tensor.wrap(z.shape(), t);
  }

  @Test
  void singleLayerJacobianWrtKIsDiagSigmaPrimeTimesYtKronI() {
    try (Tape tape = new Tape()) {
      Var k = tape.variable("K", kValue);
      Var y = tape.constant("Y", yValue);
      Var b = tape.variable("b", bValue);
      Var z = tanh(add(matmul(k, y), b));
      JacobianOperator jk = JacobianOperator.of(tape, z, k);
      // AD Jacobian in lecture coordinates: vec(Z) ← J ← vec(K), with the tape's row-major K
      LinearOperator ad =
          Operators.vec(M, N)
              .compose(jk)
              .compose(Operators.reshape(Shape.of(M, NF), Shape.of(M * NF)))
              .compose(Operators.mat(M, NF));
      // J_vec(K) Z = diag(σ′(KY + b)) (Yᵀ ⊗ I)
      Tensor dsig = Operators.vec(M, N).apply(sigmaPrime(z));
      LinearOperator lecture =
          Operators.diagonal(dsig).compose(Operators.kronecker(transpose(yValue), Tensor.eye(M)));
      assertMatrixClose(lecture.toDense(), ad.toDense(), 1e-13, "J_vec(K) Z");
      assertAdjoint(jk);
      assertAdjoint(lecture);
      // J_b Z = diag(σ′) (1_n ⊗ I)
      JacobianOperator jb = JacobianOperator.of(tape, z, b);
      LinearOperator jbLecture =
          Operators.diagonal(dsig).compose(Operators.kronecker(Tensor.ones(N, 1), Tensor.eye(M)));
      assertMatrixClose(
          jbLecture.toDense(), Operators.vec(M, N).compose(jb).toDense(), 1e-13, "J_b Z");
    }
  }

  @Test
  void blockJacobianMatchesCentralDifferences() {
    Function<Tensor[], Tensor> f =
        in -> {
          try (Tape t = new Tape()) {
            return tanh(add(matmul(t.constant(in[0]), t.constant(yValue)), t.constant(in[1])))
                .value();
          }
        };
    try (Tape tape = new Tape()) {
      Var k = tape.variable("K", kValue);
      Var b = tape.variable("b", bValue);
      Var z = tanh(add(matmul(k, tape.constant("Y", yValue)), b));
      JacobianOperator j = JacobianOperator.of(tape, z, k, b);
      assertEquals(Shape.of(M * NF + M), j.domain());
      assertEquals(z.shape(), j.range());
      ParameterLayout layout = j.layout();
      Tensor point = layout.pack(kValue, bValue);
      int n = layout.size();
      double h = 1e-6;
      double[] fd = new double[M * N * n];
      for (int col = 0; col < n; col++) {
        double[] plus = point.toDoubleArray();
        double[] minus = point.toDoubleArray();
        plus[col] += h;
        minus[col] -= h;
        double[] fp = f.apply(layout.unpack(Tensor.of(point.shape(), plus))).readF64();
        double[] fm = f.apply(layout.unpack(Tensor.of(point.shape(), minus))).readF64();
        for (int row = 0; row < M * N; row++) {
          fd[row * n + col] = (fp[row] - fm[row]) / (2 * h);
        }
      }
      Tensor dense = j.toDense();
      assertMatrixClose(Tensor.of(dense.shape(), fd), dense, 1e-8, "J vs central differences");
      assertAdjoint(j);
    }
  }

  @Test
  void productsDoNotGrowTheTape() {
    try (Tape tape = new Tape()) {
      Var k = tape.variable("K", kValue);
      Var z = tanh(matmul(k, tape.constant("Y", yValue)));
      JacobianOperator j = JacobianOperator.of(tape, z, k);
      int before = tape.size();
      j.apply(Tensor.randn(j.domain(), 1));
      j.applyAdjoint(Tensor.randn(j.range(), 2));
      assertEquals(before, tape.size());
    }
  }

  @Test
  void badInputsAreNamed() {
    try (Tape tape = new Tape();
        Tape other = new Tape()) {
      Var k = tape.variable("K", kValue);
      Var z = tanh(matmul(k, tape.constant("Y", yValue)));
      Var stranger = other.variable("S", kValue);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> JacobianOperator.of(tape, z, stranger));
      assertTrue(e.getMessage().contains("not recorded on the given tape"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> JacobianOperator.of(tape, z, k, k));
      assertTrue(e.getMessage().contains("twice"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> JacobianOperator.of(tape, z));
      Var data = tape.constant("Y2", yValue);
      e = assertThrows(IllegalArgumentException.class, () -> JacobianOperator.of(tape, z, data));
      assertTrue(e.getMessage().contains("is a constant"), e.getMessage());
      JacobianOperator j = JacobianOperator.of(tape, z, k);
      e = assertThrows(IllegalArgumentException.class, () -> j.apply(Tensor.zeros(M * NF + 1)));
      assertTrue(e.getMessage().contains("J(") && e.getMessage().contains("[13]"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class, () -> j.applyAdjoint(Tensor.zeros(N, M)));
      assertTrue(
          e.getMessage().contains("[5, 4]") && e.getMessage().contains("[4, 5]"), e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> j.layout().pack(Tensor.zeros(M, NF), Tensor.zeros(1)));
      assertTrue(e.getMessage().contains("2 parts"), e.getMessage());
    }
  }
}
