package org.vecgrad.nn.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.nn.Activation;
import org.vecgrad.nn.Linear;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Sequential;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.InverseCrime;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Sgd;

/**
 * Lecture 002's inverse crime at the lecture's sizes (n = 500, nf = 50, nc = 10, m = 40):
 * Gauss-Newton–CG reaches a lower loss than gradient descent in the same number of outer
 * iterations, with or without the coupling between blocks.
 */
class InverseCrimeTest {
  private static final int ITERATIONS = 8;
  private final Batch data = InverseCrime.generate(500, 50, 10, 40, 7);
  private final SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();

  private static Module model() {
    return Sequential.of(new Linear(50, 40, 11), Activation.tanh(), new Linear(40, 10, 12));
  }

  private double run(TrainingStep step) {
    Module m = model();
    for (int i = 0; i < ITERATIONS; i++) {
      step.step(m, loss, data);
    }
    return step.step(m, loss, data).loss(); // the loss after ITERATIONS updates
  }

  @Test
  void gaussNewtonBeatsGradientDescentInTheSameIterations() {
    double bestGd = Double.POSITIVE_INFINITY;
    for (double lr : new double[] {0.3, 1, 3, 10}) { // give descent its best step size
      bestGd = Math.min(bestGd, run(new GradientStep(new Sgd(lr))));
    }
    double gn = run(GaussNewtonStep.builder().cgIterations(20).build());
    double gnBlocks = run(GaussNewtonStep.builder().cgIterations(20).ignoreCoupling().build());
    double start =
        loss.value(
                org.vecgrad.autodiff.Var.constant(model().predict(data.x())),
                org.vecgrad.autodiff.Var.constant(data.targets()))
            .item();
    System.out.printf(
        "inverse crime, %d iterations: start %.4f, best GD %.4f, GN-CG %.4f, block GN-CG %.4f%n",
        ITERATIONS, start, bestGd, gn, gnBlocks);
    assertTrue(gn < bestGd, "GN–CG " + gn + " vs best GD " + bestGd + " (start " + start + ")");
    assertTrue(
        gnBlocks < bestGd,
        "block GN–CG " + gnBlocks + " vs best GD " + bestGd + " (start " + start + ")");
  }
}
