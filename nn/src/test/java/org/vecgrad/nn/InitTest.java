package org.vecgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class InitTest {
  private static Tensor draw(Init init, int... dims) {
    return init.sample(Shape.of(dims), DType.F64, new SplittableRandom(11));
  }

  private static double variance(Tensor t) {
    double[] d = t.readF64();
    double m = 0;
    for (double v : d) {
      m += v;
    }
    m /= d.length;
    double s = 0;
    for (double v : d) {
      s += (v - m) * (v - m);
    }
    return s / d.length;
  }

  @Test
  void orthogonalTallHasOrthonormalColumns() {
    Tensor w = draw(Init.orthogonal(1), 8, 5);
    Var wv = Var.constant(w);
    Tensor wtw = Ops.matmul(wv, wv, true, false).value();
    assertTrue(wtw.allClose(Tensor.eye(5), 0, 1e-12), wtw.toString());
  }

  @Test
  void orthogonalWideHasOrthonormalRowsTimesGain() {
    Tensor w = draw(Init.orthogonal(2), 5, 8);
    Var wv = Var.constant(w);
    Tensor wwt = Ops.matmul(wv, wv, false, true).value();
    Tensor fourI = Ops.scale(Var.constant(Tensor.eye(5)), 4).value();
    assertTrue(wwt.allClose(fourI, 0, 1e-12), wwt.toString());
  }

  @Test
  void xavierAndHeHaveTheirVariances() {
    // 200×300 = 60 000 draws: the sample variance is within a few percent
    assertEquals(2.0 / 500, variance(draw(Init.xavierNormal(), 200, 300)), 0.05 * 2.0 / 500);
    assertEquals(2.0 / 500, variance(draw(Init.xavierUniform(), 200, 300)), 0.05 * 2.0 / 500);
    assertEquals(2.0 / 300, variance(draw(Init.heNormal(), 200, 300)), 0.05 * 2.0 / 300);
    assertEquals(2.0 / 300, variance(draw(Init.heUniform(), 200, 300)), 0.05 * 2.0 / 300);
    assertEquals(0.09, variance(draw(Init.normal(0.3), 200, 300)), 0.05 * 0.09);
  }

  @Test
  void uniformStaysInItsBounds() {
    for (double v : draw(Init.uniform(0.5), 50, 50).readF64()) {
      assertTrue(v >= -0.5 && v < 0.5, "value " + v);
    }
  }

  @Test
  void scaledIdentityIsAlphaI() {
    Tensor w = draw(Init.scaledIdentity(0.1), 3, 3);
    assertTrue(w.allClose(Ops.scale(Var.constant(Tensor.eye(3)), 0.1).value(), 0, 0));
    assertThrows(IllegalArgumentException.class, () -> draw(Init.scaledIdentity(1), 3));
  }

  @Test
  void badArgumentsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Init.normal(-1));
    assertThrows(IllegalArgumentException.class, () -> Init.orthogonal(0));
    assertThrows(IllegalArgumentException.class, () -> draw(Init.orthogonal(1), 4));
  }

  @Test
  void f32ParametersAreF32() {
    Tensor w = Init.heNormal().sample(Shape.of(3, 4), DType.F32, new SplittableRandom(1));
    assertEquals(DType.F32, w.dtype());
  }
}
