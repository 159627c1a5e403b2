package org.vecgrad.nn.optim;

import java.util.ArrayList;
import java.util.List;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.Tensor;

/**
 * A first-order update rule: given the gradient {@code g} of the loss at the current parameters θ,
 * replace θ by a new value. Gradients are values (as returned by {@code tape.grad}); the optimiser
 * keeps whatever state it needs (velocities, moment estimates) per parameter.
 *
 * <p>Second-order methods (Gauss-Newton / Levenberg–Marquardt by conjugate gradients) need more
 * than a gradient — the recorded forward pass and the loss's Hessian-vector product — and so plug
 * into the training loop one level up, as an {@link org.vecgrad.nn.train.TrainingStep}.
 */
public interface Optimizer {
  /** Short name for logs. */
  String name();

  /**
   * One update of {@code params} with {@code grads} (same order, same shapes).
   *
   * @throws IllegalArgumentException if the lists differ in length or a shape does not match
   */
  void step(List<Parameter> params, List<Tensor> grads);

  /**
   * One update from the gradients accumulated in each {@link Parameter#grad()} (micrograd style,
   * after {@code model.backward(tape, loss)}).
   *
   * @throws IllegalStateException if a parameter has no gradient
   */
  default void step(List<Parameter> params) {
    List<Tensor> grads = new ArrayList<>(params.size());
    for (Parameter p : params) {
      if (p.grad() == null) {
        throw new IllegalStateException(
            name() + ".step: " + p + " has no gradient; call model.backward(tape, loss) first");
      }
      grads.add(p.grad());
    }
    step(params, grads);
  }

  /** The current learning rate (step size). */
  double learningRate();

  /** Sets the learning rate (used by schedules between epochs). */
  void setLearningRate(double lr);
}
