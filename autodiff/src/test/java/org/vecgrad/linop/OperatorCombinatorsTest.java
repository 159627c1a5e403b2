package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.linop.OperatorAssert.assertAdjoint;
import static org.vecgrad.linop.OperatorAssert.assertMatrixClose;
import static org.vecgrad.linop.OperatorAssert.matmul;
import static org.vecgrad.linop.OperatorAssert.transpose;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class OperatorCombinatorsTest {
  private final Tensor a = Tensor.randn(Shape.of(4, 3), 1);
  private final Tensor b = Tensor.randn(Shape.of(3, 5), 2);
  private final Tensor c = Tensor.randn(Shape.of(4, 3), 3);

  @Test
  void denseMatrixOperatorIsItsMatrix() {
    LinearOperator op = Operators.matrix(a);
    assertMatrixClose(a, op.toDense(), 1e-15, "toDense(M)");
    assertMatrixClose(transpose(a), op.transpose().toDense(), 1e-15, "toDense(Mᵀ)");
    assertAdjoint(op);
  }

  @Test
  void composeSumScaleTransposeMatchDenseAlgebra() {
    LinearOperator opA = Operators.matrix(a);
    LinearOperator opB = Operators.matrix(b);
    LinearOperator opC = Operators.matrix(c);
    assertMatrixClose(matmul(a, b), opA.compose(opB).toDense(), 1e-14, "A·B");
    Tensor sum = Tensor.of(a.shape(), add(a.readF64(), c.readF64(), 1));
    Tensor diff = Tensor.of(a.shape(), add(a.readF64(), c.readF64(), -1));
    assertMatrixClose(sum, opA.plus(opC).toDense(), 1e-15, "A + C");
    assertMatrixClose(diff, opA.minus(opC).toDense(), 1e-15, "A − C");
    assertMatrixClose(
        Tensor.of(a.shape(), add(new double[12], a.readF64(), -2.5)),
        opA.scale(-2.5).toDense(),
        1e-15,
        "−2.5·A");
    assertMatrixClose(
        transpose(matmul(a, b)), opA.compose(opB).transpose().toDense(), 1e-14, "(A·B)ᵀ");
    assertSame(opA, opA.transpose().transpose());
    for (LinearOperator op :
        new LinearOperator[] {
          opA.compose(opB), opA.plus(opC), opA.minus(opC).scale(3), opA.compose(opB).transpose()
        }) {
      assertAdjoint(op);
    }
  }

  @Test
  void identityDiagonalReshapeAndFunction() {
    Tensor d = Tensor.randn(Shape.of(2, 3), 4);
    Tensor v = Tensor.randn(Shape.of(2, 3), 5);
    assertEquals(v, Operators.identity(v.shape()).apply(v));
    Tensor dv = Operators.diagonal(d).apply(v);
    for (int i = 0; i < 6; i++) {
      assertEquals(d.at(i) * v.at(i), dv.at(i), 0);
    }
    LinearOperator r = Operators.reshape(Shape.of(2, 3), Shape.of(6));
    assertEquals(Shape.of(6), r.apply(v).shape());
    assertAdjoint(Operators.diagonal(d));
    assertAdjoint(r);
  }

  @Test
  void wrongShapesAreNamed() {
    LinearOperator opA = Operators.matrix(a); // [3] → [4]
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> opA.apply(Tensor.zeros(4)));
    assertTrue(e.getMessage().contains("M[4, 3].apply"), e.getMessage());
    assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> opA.applyAdjoint(Tensor.zeros(3)));
    assertTrue(e.getMessage().contains("applyAdjoint"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> opA.apply(null));
    assertTrue(e.getMessage().contains("null"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> opA.compose(opA));
    assertTrue(e.getMessage().startsWith("compose:"), e.getMessage());
    assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[3]"), e.getMessage());
    LinearOperator opB = Operators.matrix(b);
    e = assertThrows(IllegalArgumentException.class, () -> opA.plus(opB));
    assertTrue(e.getMessage().startsWith("plus:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> opA.minus(null));
    assertTrue(e.getMessage().startsWith("minus:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Operators.matrix(Tensor.zeros(3)));
    assertThrows(IllegalArgumentException.class, () -> opA.scale(Double.NaN));
  }

  @Test
  void toDenseRefusesLargeOperators() {
    LinearOperator big = Operators.identity(Shape.of(1 << 12));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> big.toDense(1000));
    assertTrue(e.getMessage().contains("4096×4096"), e.getMessage());
    assertEquals(Shape.of(5, 5), Operators.identity(Shape.of(5)).toDense().shape());
  }

  private static double[] add(double[] x, double[] y, double s) {
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x[i] + s * y[i];
    }
    return out;
  }
}
