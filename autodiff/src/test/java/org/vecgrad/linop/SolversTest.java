package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** CG, power iteration, Lanczos, Hutchinson and SLQ against dense linear algebra (EJML). */
class SolversTest {

  /** A seeded SPD matrix {@code MᵀM + shift·I} of size n. */
  private static Tensor spd(int n, double shift, long seed) {
    Tensor m = Tensor.randn(Shape.of(n, n), seed);
    Tensor a = OperatorAssert.matmul(OperatorAssert.transpose(m), m);
    double[] d = a.toDoubleArray();
    for (int i = 0; i < n; i++) {
      d[i * n + i] += shift;
    }
    return Tensor.of(a.shape(), d);
  }

  @Test
  void conjugateGradientsSolveDampedSpdSystems() {
    Tensor a = spd(12, 0.5, 81);
    Tensor b = Tensor.randn(Shape.of(12), 82);
    for (double lambda : new double[] {0, 0.3}) {
      ConjugateGradient.Result r =
          new ConjugateGradient()
              .damping(lambda)
              .tolerance(1e-12)
              .maxIterations(60)
              .solve(Operators.matrix(a), b);
      assertTrue(r.converged(), "converged with λ = " + lambda);
      assertFalse(r.negativeCurvature());
      // n = 12 in exact arithmetic; rounding costs a few more on this ill-conditioned matrix
      assertTrue(r.iterations() <= 36, "iterations " + r.iterations());
      Tensor residual =
          Vectors.axpy(-1, Vectors.axpy(lambda, r.x(), Operators.matrix(a).apply(r.x())), b);
      assertTrue(residual.norm() <= 1e-10 * b.norm(), "‖b − (A+λI)x‖ = " + residual.norm());
      assertEquals(r.iterations() + 1, r.residualNorms().length);
      assertEquals(b.norm(), r.residualNorms()[0], 1e-12);
    }
  }

  @Test
  void conjugateGradientsStopAtNegativeCurvature() {
    Tensor d = Tensor.of(3, 2, -1);
    ConjugateGradient.Result r =
        new ConjugateGradient().solve(Operators.diagonal(d), Tensor.of(1, 1, 1));
    assertTrue(r.negativeCurvature());
    assertFalse(r.converged());
  }

  @Test
  void conjugateGradientsOnGaussNewtonGiveTheLevenbergMarquardtStep() {
    try (SmallMlp mlp = new SmallMlp(8, 3, 4, 3, 83)) {
      GaussNewtonOperator g =
          GaussNewtonOperator.of(
              mlp.tape, mlp.output, LossCurvature.softmaxCrossEntropy(), mlp.onehot, mlp.params());
      Tensor rhs = Tensor.randn(g.domain(), 84);
      double lambda = 1e-2;
      ConjugateGradient.Result r =
          new ConjugateGradient().damping(lambda).tolerance(1e-10).maxIterations(500).solve(g, rhs);
      assertTrue(r.converged(), "converged after " + r.iterations());
      Tensor check = Vectors.axpy(lambda, r.x(), g.apply(r.x()));
      assertTrue(check.maxAbsDiff(rhs) <= 1e-8 * rhs.norm());
    }
  }

  @Test
  void powerIterationFindsTheDominantEigenvalue() {
    Tensor a = spd(10, 0, 85);
    PowerIteration.Result r =
        new PowerIteration().seed(3).maxIterations(5000).run(Operators.matrix(a));
    double top = SymmetricEigen.of(a).values()[0];
    assertTrue(r.converged());
    assertEquals(top, r.eigenvalue(), 1e-7 * top);
  }

  @Test
  void lanczosWithAllStepsRecoversTheWholeSpectrum() {
    Tensor a = spd(15, -5, 86); // indefinite: some eigenvalues negative
    Lanczos.Result r = new Lanczos().steps(15).seed(4).run(Operators.matrix(a));
    double[] dense = SymmetricEigen.of(a).values();
    assertEquals(15, r.ritzValues().length);
    for (int k = 0; k < 15; k++) {
      assertEquals(dense[k], r.ritzValues()[k], 1e-10 * Math.abs(dense[0]), "eigenvalue " + k);
    }
    double w = 0;
    for (double x : r.weights()) {
      w += x;
    }
    assertEquals(1, w, 1e-12);
  }

  @Test
  void lanczosTopEigenvaluesOfCurvatureOperatorsMatchDenseEig() {
    try (SmallMlp mlp = new SmallMlp(16, 4, 6, 3, 87)) {
      LossCurvature ce = LossCurvature.softmaxCrossEntropy();
      GaussNewtonOperator g =
          GaussNewtonOperator.of(mlp.tape, mlp.output, ce, mlp.onehot, mlp.params());
      Var loss = ce.record(mlp.output, mlp.tape.constant(mlp.onehot));
      HessianOperator h = HessianOperator.of(mlp.tape, loss, mlp.params());
      for (LinearOperator op : new LinearOperator[] {g, h}) {
        double[] dense = SymmetricEigen.of(op.toDense()).top(5);
        double[] lanczos = new Lanczos().steps(40).seed(5).run(op).top(5);
        for (int k = 0; k < 5; k++) {
          assertEquals(dense[k], lanczos[k], 1e-8 * dense[0], op.describe() + " λ" + k);
        }
      }
    }
  }

  @Test
  void hutchinsonIsExactForDiagonalsAndUnbiasedOtherwise() {
    Tensor d = Tensor.randn(Shape.of(20), 88);
    double exact = 0;
    for (double x : d.readF64()) {
      exact += x;
    }
    assertEquals(
        exact, new HutchinsonTrace().probes(3).estimate(Operators.diagonal(d)).trace(), 1e-12);
    Tensor a = spd(20, 1, 89);
    HutchinsonTrace.Result r =
        new HutchinsonTrace().probes(400).seed(6).estimate(Operators.matrix(a));
    double tr = SymmetricEigen.of(a).trace();
    assertTrue(
        Math.abs(r.trace() - tr) <= 4 * r.standardError(),
        "estimate " + r.trace() + " ± " + r.standardError() + " vs " + tr);
  }

  @Test
  void slqDensityIntegratesToOneAndEstimatesTheTrace() {
    Tensor a = spd(30, 0.1, 90);
    SpectralDensity.Result r =
        new SpectralDensity()
            .probes(20)
            .steps(30)
            .gridPoints(400)
            .seed(7)
            .estimate(Operators.matrix(a));
    double integral = 0;
    for (int i = 1; i < r.grid().length; i++) {
      integral += 0.5 * (r.density()[i] + r.density()[i - 1]) * (r.grid()[i] - r.grid()[i - 1]);
    }
    assertEquals(1, integral, 1e-3);
    double tr = SymmetricEigen.of(a).trace();
    assertEquals(tr, r.traceEstimate(), 0.15 * tr);
  }

  @Test
  void slqEstimatesTheFractionOfNegativeEigenvalues() {
    Tensor a = spd(30, -20, 91); // shifted down: an indefinite matrix
    double[] eig = SymmetricEigen.of(a).values();
    int negative = 0;
    for (double l : eig) {
      negative += l < 0 ? 1 : 0;
    }
    assertTrue(negative > 3 && negative < 27, "a mixed spectrum: " + negative + " negative");
    SpectralDensity.Result r =
        new SpectralDensity().probes(40).steps(30).seed(8).estimate(Operators.matrix(a));
    assertEquals(negative / 30.0, r.fractionBelow(0), 0.1);
    assertEquals(0, r.fractionBelow(eig[29] - 1), 1e-12);
    assertEquals(1, r.fractionBelow(eig[0] + 1), 1e-12);
  }

  @Test
  void solversRefuseNonSquareOperatorsAndWrongVectors() {
    LinearOperator rect = Operators.matrix(Tensor.zeros(3, 4));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Lanczos().run(rect));
    assertTrue(e.getMessage().contains("Lanczos.run") && e.getMessage().contains("square"));
    assertThrows(IllegalArgumentException.class, () -> new PowerIteration().run(rect));
    assertThrows(IllegalArgumentException.class, () -> new HutchinsonTrace().estimate(rect));
    LinearOperator sq = Operators.identity(Shape.of(4));
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ConjugateGradient().solve(sq, Tensor.zeros(5)));
    assertTrue(e.getMessage().contains("ConjugateGradient.solve b"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ConjugateGradient().damping(-1));
    assertThrows(IllegalArgumentException.class, () -> new Lanczos().steps(0));
    assertThrows(IllegalArgumentException.class, () -> new Lanczos().run(sq, Tensor.zeros(4)));
  }
}
