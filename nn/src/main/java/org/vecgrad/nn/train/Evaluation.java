package org.vecgrad.nn.train;

import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Minibatches;
import org.vecgrad.nn.loss.Loss;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * Loss and accuracy of a model on a dataset, computed in evaluation mode without recording a graph,
 * one {@link Workspace} per batch. The loss is the batch losses weighted by batch size, i.e. the
 * dataset mean for a mean-reduced loss.
 *
 * @param loss the weighted mean batch loss
 * @param accuracy the fraction of samples whose arg-max score is the label
 * @param samples the number of samples
 */
public record Evaluation(double loss, double accuracy, int samples) {

  /** Evaluates {@code model} on {@code data} in batches of {@code batchSize} rows. */
  public static Evaluation of(Module model, Loss loss, Dataset data, int batchSize, DType dtype) {
    boolean wasTraining = model.isTraining();
    model.eval();
    try {
      double total = 0;
      long correct = 0;
      for (Batch b : new Minibatches(data, batchSize, false, 0).epoch(0, dtype)) {
        // each batch's activations reuse the previous batch's storage; only numbers leave
        try (Workspace ws = Workspace.open()) {
          Tensor out = model.predict(b.x());
          double l =
              loss.value(Var.constant(out), Var.constant(loss.encodeTargets(b.oneHot()))).item();
          total += l * b.size();
          correct += b.correct(out);
        }
      }
      return new Evaluation(total / data.size(), (double) correct / data.size(), data.size());
    } finally {
      if (wasTraining) {
        model.train();
      }
    }
  }
}
