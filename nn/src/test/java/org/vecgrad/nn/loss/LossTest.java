package org.vecgrad.nn.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.data.OneHot;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class LossTest {
  private static final Shape SHAPE = Shape.of(4, 3);
  private static final Tensor ONE_HOT = OneHot.encode(new int[] {0, 2, 1, 2}, 3, DType.F64);

  static Stream<Arguments> losses() {
    return Stream.of(
        Arguments.of(SquaredError.sum()),
        Arguments.of(SquaredError.mean()),
        Arguments.of(new SoftmaxCrossEntropy()),
        Arguments.of(new Hinge(Reduction.SUM)),
        Arguments.of(new Hinge(Reduction.MEAN)));
  }

  private static Tensor gradient(Loss loss, Tensor z, Tensor t) {
    try (Tape tape = new Tape()) {
      Var zv = tape.variable("z", z);
      return tape.grad(loss.value(zv, tape.constant("t", t)), zv).of(zv);
    }
  }

  private static Tensor axpy(Tensor x, double a, Tensor v) {
    return Ops.add(Var.constant(x), Ops.scale(Var.constant(v), a)).value();
  }

  /** H v ≈ (∇ℓ(z + εv) − ∇ℓ(z − εv)) / 2ε, exact up to O(ε²) for smooth losses. */
  @ParameterizedTest
  @MethodSource("losses")
  void hessianVectorProductMatchesFiniteDifferencesOfTheGradient(Loss loss) {
    Tensor t = loss.encodeTargets(ONE_HOT);
    // points away from the hinge's kinks z·t = 1 (|z·t − 1| ≥ 0.2 for this seed, checked below)
    Tensor z = Ops.scale(Var.constant(Tensor.randn(SHAPE, 3)), 2).value();
    Tensor v = Tensor.randn(SHAPE, 4);
    double eps = 1e-5;
    Tensor fd =
        Ops.scale(
                Ops.sub(
                    Var.constant(gradient(loss, axpy(z, eps, v), t)),
                    Var.constant(gradient(loss, axpy(z, -eps, v), t))),
                1 / (2 * eps))
            .value();
    Tensor hv = loss.hessianVectorProduct(z, t, v);
    assertEquals(SHAPE, hv.shape());
    assertTrue(hv.allClose(fd, 1e-6, 1e-8), loss.name() + ": " + hv + " vs " + fd);
  }

  @Test
  void hingeTestPointsAreAwayFromKinks() {
    Tensor z = Ops.scale(Var.constant(Tensor.randn(SHAPE, 3)), 2).value();
    Tensor t = new Hinge(Reduction.SUM).encodeTargets(ONE_HOT);
    for (int i = 0; i < z.size(); i++) {
      assertTrue(Math.abs(z.at(i) * t.at(i) - 1) > 1e-3, "kink at " + i);
    }
  }

  @Test
  void softmaxHessianIsPositiveSemidefiniteWithNullVectorOne() {
    SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy();
    Tensor z = Tensor.randn(SHAPE, 9);
    Tensor hOnes = ce.hessianVectorProduct(z, ONE_HOT, Tensor.ones(4, 3));
    assertTrue(hOnes.allClose(Tensor.zeros(4, 3), 0, 1e-15), hOnes.toString());
    for (long seed = 0; seed < 10; seed++) {
      Tensor v = Tensor.randn(SHAPE, seed);
      Tensor hv = ce.hessianVectorProduct(z, ONE_HOT, v);
      double vhv = Ops.dot(Var.constant(v), Var.constant(hv)).item();
      assertTrue(vhv >= 0, "vᵀHv = " + vhv);
    }
  }

  @Test
  void squaredErrorSumHvpIsVAndMeanIsVOverBatch() {
    Tensor v = Tensor.randn(SHAPE, 1);
    assertEquals(v, SquaredError.sum().hessianVectorProduct(ONE_HOT, ONE_HOT, v));
    assertTrue(
        SquaredError.mean()
            .hessianVectorProduct(ONE_HOT, ONE_HOT, v)
            .allClose(Ops.scale(Var.constant(v), 0.25).value(), 0, 1e-15));
  }

  @Test
  void hingeEncodesOneHotAsPlusMinusOne() {
    Tensor t = new Hinge(Reduction.SUM).encodeTargets(OneHot.encode(new int[] {1}, 3, DType.F64));
    assertEquals(Tensor.of(new double[][] {{-1, 1, -1}}), t);
  }

  @Test
  void mismatchedShapesAreRejectedWithTheShapes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SoftmaxCrossEntropy()
                    .hessianVectorProduct(Tensor.zeros(4, 3), ONE_HOT, Tensor.zeros(3, 4)));
    assertTrue(e.getMessage().contains("[3, 4]"), e.getMessage());
  }
}
