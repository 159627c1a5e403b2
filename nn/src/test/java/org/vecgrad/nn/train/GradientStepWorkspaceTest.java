package org.vecgrad.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Adam;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.tensor.DType;

/**
 * The training step runs in a workspace by default: it must train exactly as without one (same bits
 * in every parameter and loss), and allocate less per step.
 */
class GradientStepWorkspaceTest {
  @ParameterizedTest
  @EnumSource(DType.class)
  void theWorkspaceChangesNoBit(DType dtype) {
    Dataset data = Synthetic.blobs(64, 784, 10, 1.0, 3);
    int[] all = new int[64];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Batch batch = data.batch(all, dtype);
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
    Mlp recycled = Mlp.builder(784, 256, 64, 10).dtype(dtype).seed(4).build();
    Mlp fresh = Mlp.builder(784, 256, 64, 10).dtype(dtype).seed(4).build();
    GradientStep[] withWs = {new GradientStep(new Sgd(0.05)), new GradientStep(new Adam(1e-3))};
    GradientStep[] without = {
      new GradientStep(new Sgd(0.05)).withoutWorkspace(),
      new GradientStep(new Adam(1e-3)).withoutWorkspace()
    };
    for (int step = 0; step < 6; step++) {
      int o = step % 2; // alternate the optimisers: state and stateless
      StepResult a = withWs[o].step(recycled, loss, batch);
      StepResult b = without[o].step(fresh, loss, batch);
      assertEquals(b.loss(), a.loss(), "loss at step " + step);
      assertEquals(b.correct(), a.correct());
    }
    List<Parameter> p = recycled.parameters();
    List<Parameter> q = fresh.parameters();
    for (int i = 0; i < p.size(); i++) {
      assertEquals(q.get(i).value(), p.get(i).value(), p.get(i).name()); // bit-identical
    }
  }
}
