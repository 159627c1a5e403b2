package org.vecgrad.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.train.GradientStep;
import org.vecgrad.nn.train.StepResult;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * {@code updateInPlace(true)} changes where the new values live, not what they are: the same bits
 * as new tensors per step, each parameter's array reused from the second step on, and a value held
 * from before a step unreadable (loudly) after it.
 */
class InPlaceUpdateTest {
  private static final SoftmaxCrossEntropy LOSS = new SoftmaxCrossEntropy();

  private static Batch batch(DType dtype) {
    Dataset data = Synthetic.blobs(32, 20, 4, 1.0, 3);
    int[] all = new int[32];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return data.batch(all, dtype);
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void inPlaceGivesTheSameBitsAndReusesTheArrays(DType dtype) {
    List<DoubleFunction<ElementwiseOptimizer>> rules =
        List.of(Sgd::new, lr -> new Momentum(lr, 0.9), Adam::new); // direct and general paths
    Batch batch = batch(dtype);
    for (DoubleFunction<ElementwiseOptimizer> rule : rules) {
      Mlp inPlace = Mlp.builder(20, 16, 4).dtype(dtype).seed(4).build();
      Mlp fresh = Mlp.builder(20, 16, 4).dtype(dtype).seed(4).build();
      ElementwiseOptimizer opt = rule.apply(0.05).updateInPlace(true);
      assertTrue(opt.updatesInPlace());
      GradientStep a = new GradientStep(opt);
      GradientStep b = new GradientStep(rule.apply(0.05));
      Object[] arrays = null;
      for (int step = 0; step < 5; step++) {
        StepResult ra = a.step(inPlace, LOSS, batch);
        StepResult rb = b.step(fresh, LOSS, batch);
        assertEquals(rb.loss(), ra.loss(), opt.name() + " loss at step " + step);
        Object[] now = storage(inPlace.parameters());
        if (step == 0) {
          arrays = now;
        } else {
          for (int i = 0; i < now.length; i++) {
            assertSame(arrays[i], now[i], opt.name() + ": parameter " + i + " at step " + step);
          }
        }
      }
      List<Parameter> p = inPlace.parameters();
      List<Parameter> q = fresh.parameters();
      for (int i = 0; i < p.size(); i++) {
        assertEquals(q.get(i).value(), p.get(i).value(), opt.name() + " " + p.get(i).name());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void aValueHeldAcrossAnInPlaceStepFailsLoudlyAndACopyDoesNot(DType dtype) {
    Mlp m = Mlp.builder(20, 16, 4).dtype(dtype).seed(4).build();
    GradientStep step = new GradientStep(new Sgd(0.05).updateInPlace(true));
    Batch batch = batch(dtype);
    Tensor initial = m.parameters().get(0).value();
    step.step(m, LOSS, batch); // the first step cannot take the initial value: it may be shared
    assertEquals(initial.copy(), initial); // still readable
    Tensor held = m.parameters().get(0).value();
    Tensor kept = held.copy();
    step.step(m, LOSS, batch);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> held.at(0));
    assertTrue(e.getMessage().contains("copy()"), e.getMessage());
    assertTrue(e.getMessage().contains(held.shape().toString()), e.getMessage());
    assertTrue(held.toString().contains("reused"), held.toString());
    assertFalse(kept.equals(m.parameters().get(0).value())); // the copy kept the old numbers
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void offByDefaultValuesStayValidForever(DType dtype) {
    Mlp m = Mlp.builder(20, 16, 4).dtype(dtype).seed(4).build();
    Sgd sgd = new Sgd(0.05);
    assertFalse(sgd.updatesInPlace());
    GradientStep step = new GradientStep(sgd);
    Batch batch = batch(dtype);
    step.step(m, LOSS, batch);
    Tensor held = m.parameters().get(0).value();
    step.step(m, LOSS, batch);
    step.step(m, LOSS, batch);
    assertNotSame(held, m.parameters().get(0).value());
    assertEquals(held.copy(), held); // readable
  }

  private static Object[] storage(List<Parameter> ps) {
    Object[] a = new Object[ps.size()];
    for (int i = 0; i < a.length; i++) {
      Tensor v = ps.get(i).value();
      a[i] = v.dtype() == DType.F64 ? v.readF64() : v.readF32();
    }
    return a;
  }
}
