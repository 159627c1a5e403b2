package org.vecgrad.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Simd;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class OptimizerTest {
  // f(θ) = ½ Σ aᵢ θᵢ², gradient aᵢ θᵢ: a diagonal quadratic with curvatures 1 and 4
  private static final Tensor A = Tensor.of(1, 4);

  private static Tensor gradient(Parameter p) {
    try (Tape tape = new Tape()) {
      Var th = p.on(tape);
      Var f = Ops.scale(Ops.sum(Ops.mul(Var.constant(A), Ops.square(th))), 0.5);
      return tape.grad(f, th).of(th);
    }
  }

  private static void step(Optimizer opt, Parameter p) {
    opt.step(List.of(p), List.of(gradient(p)));
  }

  @Test
  void sgdOneStepIsThetaMinusLrTimesGradient() {
    Parameter p = new Parameter("theta", Tensor.of(1, 1));
    step(new Sgd(0.1), p);
    // θ − 0.1·(1·1, 4·1)
    assertTrue(p.value().allClose(Tensor.of(0.9, 0.6), 0, 1e-15), p.value().toString());
  }

  @Test
  void momentumTwoStepsMatchTheRecurrence() {
    Parameter p = new Parameter("theta", Tensor.of(1, 1));
    Momentum m = new Momentum(0.1, 0.9);
    step(m, p); // v = g0 = (1, 4); θ1 = (0.9, 0.6)
    step(m, p); // g1 = (0.9, 2.4); v = 0.9·(1,4) + g1 = (1.8, 6.0); θ2 = θ1 − 0.1 v
    assertTrue(p.value().allClose(Tensor.of(0.72, 0.0), 0, 1e-14), p.value().toString());
  }

  @Test
  void nesterovTwoStepsMatchTheRecurrence() {
    Parameter p = new Parameter("theta", Tensor.of(1, 1));
    Momentum n = Momentum.nesterov(0.1, 0.9);
    // step 1: v = g0 = (1,4); θ1 = θ0 − 0.1(g0 + 0.9 v) = (1 − 0.19, 1 − 0.76) = (0.81, 0.24)
    step(n, p);
    assertTrue(p.value().allClose(Tensor.of(0.81, 0.24), 0, 1e-14), p.value().toString());
    // step 2: g1 = (0.81, 0.96); v = 0.9(1,4) + g1 = (1.71, 4.56);
    // θ2 = θ1 − 0.1(g1 + 0.9 v) = (0.81 − 0.2349, 0.24 − 0.5064)
    step(n, p);
    assertTrue(p.value().allClose(Tensor.of(0.5751, -0.2664), 0, 1e-14), p.value().toString());
  }

  @Test
  void adamFirstStepMovesEachCoordinateByAboutLr() {
    Parameter p = new Parameter("theta", Tensor.of(1, -1));
    step(new Adam(0.01), p);
    // m̂ = g, v̂ = g²: step = lr·g/(|g| + ε) = lr·sign(g)
    assertTrue(p.value().allClose(Tensor.of(0.99, -0.99), 0, 1e-9), p.value().toString());
  }

  @Test
  void allOptimisersConvergeOnTheQuadratic() {
    for (Optimizer opt :
        List.of(
            new Sgd(0.2), new Momentum(0.05, 0.9), Momentum.nesterov(0.05, 0.9), new Adam(0.05))) {
      Parameter p = new Parameter("theta", Tensor.of(3, -2));
      for (int k = 0; k < 500; k++) {
        step(opt, p);
      }
      assertTrue(p.value().norm() < 1e-3, opt.name() + " ended at " + p.value());
    }
  }

  @Test
  void microgradStyleStepReadsAccumulatedGradients() {
    Parameter p = new Parameter("theta", Tensor.of(1, 1));
    p.accumulateGrad(gradient(p));
    new Sgd(0.1).step(List.of(p));
    assertTrue(p.value().allClose(Tensor.of(0.9, 0.6), 0, 1e-15));
    Parameter q = new Parameter("q", Tensor.of(1, 1));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Sgd(0.1).step(List.of(q)));
    assertTrue(e.getMessage().contains("backward"), e.getMessage());
  }

  @Test
  void badStepsAreRejected() {
    Parameter p = new Parameter("theta", Tensor.of(1, 1));
    Sgd sgd = new Sgd(0.1);
    assertThrows(IllegalArgumentException.class, () -> sgd.step(List.of(p), List.of()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sgd.step(List.of(p), List.of(Tensor.of(1, 2, 3))));
    assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Sgd(-1));
    assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0));
  }

  @Test
  void schedulesGiveTheirFactors() {
    assertEquals(1.0, LearningRateSchedule.constant().factor(7));
    LearningRateSchedule s = LearningRateSchedule.stepDecay(2, 0.5);
    assertEquals(1.0, s.factor(1));
    assertEquals(0.5, s.factor(2));
    assertEquals(0.25, s.factor(5));
    assertEquals(0.1 * 0.81, LearningRateSchedule.exponential(0.9).rate(0.1, 2), 1e-15);
    LearningRateSchedule c = LearningRateSchedule.cosine(10, 0.1);
    assertEquals(1.0, c.factor(0), 1e-15);
    assertEquals(0.55, c.factor(5), 1e-15);
    assertEquals(0.1, c.factor(12), 1e-15);
  }

  @Test
  void earlyStoppingWaitsPatienceEpochsAfterTheBest() {
    EarlyStopping es = new EarlyStopping(2, 0.01);
    assertTrue(es.observe(1, 1.0));
    assertTrue(es.observe(2, 0.8));
    assertFalse(es.observe(3, 0.795)); // within minDelta: not an improvement
    assertFalse(es.shouldStop());
    assertFalse(es.observe(4, 0.9));
    assertTrue(es.shouldStop());
    assertEquals(2, es.bestEpoch());
    assertEquals(0.8, es.bestLoss());
    EarlyStopping nan = new EarlyStopping(1, 0);
    assertFalse(nan.observe(1, Double.NaN));
    assertTrue(nan.shouldStop());
  }

  /**
   * An F32 parameter larger than one update chunk takes exactly the F64 path's values, rounded:
   * both update in double from the same inputs, so a misplaced chunk offset would show. (SGD on one
   * dtype takes its direct path instead: see {@link #sgdStepsInTheParameterDtypeOneFmaEach}.)
   */
  @Test
  void f32UpdatesInChunksMatchTheF64UpdateRounded() {
    Shape shape = Shape.of(5003);
    Tensor start = Tensor.randn(shape, 7).cast(DType.F32);
    for (Optimizer[] pair :
        new Optimizer[][] {
          {new Momentum(0.1, 0.9), new Momentum(0.1, 0.9)},
          {new Adam(0.01), new Adam(0.01)}
        }) {
      Parameter p32 = new Parameter("p32", start);
      Parameter p64 = new Parameter("p64", start.cast(DType.F64));
      for (int step = 1; step <= 3; step++) {
        Tensor g = Tensor.randn(shape, 100 + step).cast(DType.F32);
        pair[0].step(List.of(p32), List.of(g));
        pair[1].step(List.of(p64), List.of(g.cast(DType.F64)));
        assertEquals(DType.F32, p32.value().dtype(), pair[0].name());
        float[] got = p32.value().readF32();
        double[] want = p64.value().readF64();
        for (int i = 0; i < got.length; i++) {
          if (got[i] != (float) want[i]) {
            fail(
                pair[0].name()
                    + " step "
                    + step
                    + ": element "
                    + i
                    + " is "
                    + got[i]
                    + ", not "
                    + want[i]);
          }
        }
        p64.set(p32.value().cast(DType.F64)); // both continue from the same rounded values
      }
    }
  }

  /**
   * SGD with parameter and gradient of one dtype computes {@code fma(−η, g, θ)} in that dtype,
   * every element (5003: SIMD lanes and a scalar tail) rounded once; a gradient of the other dtype
   * takes the double-precision path ({@code θ − η·g} in double, rounded to the parameter's dtype).
   */
  @Test
  void sgdStepsInTheParameterDtypeOneFmaEach() {
    Shape shape = Shape.of(5003);
    Tensor theta = Tensor.randn(shape, 3);
    Tensor g = Tensor.randn(shape, 4);
    double lr = 0.1;

    Parameter p64 = new Parameter("p64", theta);
    new Sgd(lr).step(List.of(p64), List.of(g));
    double[] t64 = theta.readF64();
    double[] g64 = g.readF64();
    double[] got64 = p64.value().readF64();
    for (int i = 0; i < got64.length; i++) {
      assertEquals(Math.fma(-lr, g64[i], t64[i]), got64[i], 0, "F64 element " + i);
    }

    Parameter p32 = new Parameter("p32", theta.cast(DType.F32));
    new Sgd(lr).step(List.of(p32), List.of(g.cast(DType.F32)));
    float[] t32 = theta.cast(DType.F32).readF32();
    float[] g32 = g.cast(DType.F32).readF32();
    float[] got32 = p32.value().readF32();
    for (int i = 0; i < got32.length; i++) {
      assertEquals(Math.fma((float) -lr, g32[i], t32[i]), got32[i], 0, "F32 element " + i);
    }

    Parameter mixed = new Parameter("mixed", theta.cast(DType.F32));
    new Sgd(lr).step(List.of(mixed), List.of(g));
    float[] gotMixed = mixed.value().readF32();
    for (int i = 0; i < gotMixed.length; i++) {
      // the F32 parameter's general path reads the gradient as floats, then updates in double
      assertEquals((float) (t32[i] - lr * g32[i]), gotMixed[i], 0, "mixed element " + i);
    }
  }

  /**
   * Adam and momentum (both forms) update in SIMD lanes with the scalar formula's operations in the
   * same order: three steps over 5003 elements (lanes and a tail) give the same bits with SIMD on
   * and off.
   */
  @Test
  void statefulRulesGiveTheSameBitsWithAndWithoutSimd() {
    Shape shape = Shape.of(5003);
    List<Supplier<Optimizer>> rules =
        List.of(
            () -> new Adam(0.01), () -> new Momentum(0.1, 0.9), () -> Momentum.nesterov(0.1, 0.9));
    for (Supplier<Optimizer> rule : rules) {
      Tensor[] results = new Tensor[2];
      boolean before = Simd.enabled();
      try {
        for (int simd = 0; simd < 2; simd++) {
          Simd.setEnabled(simd == 1);
          Optimizer opt = rule.get();
          Parameter p = new Parameter("p", Tensor.randn(shape, 11));
          for (int step = 1; step <= 3; step++) {
            opt.step(List.of(p), List.of(Tensor.randn(shape, 20 + step)));
          }
          results[simd] = p.value();
        }
      } finally {
        Simd.setEnabled(before);
      }
      assertEquals(results[0], results[1], rule.get().name() + ": SIMD and scalar updates differ");
      assertTrue(
          results[0].maxAbsDiff(Tensor.randn(shape, 11)) > 0, rule.get().name() + " did not move");
    }
  }
}
