package org.vecgrad.nn.train;

import org.vecgrad.nn.Module;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.loss.Loss;

/**
 * One parameter update from one minibatch: the extension point of the training loop.
 *
 * <p>{@link GradientStep} is the first-order implementation: record the forward pass and the loss
 * on a fresh tape, {@code tape.grad(loss, parameters)}, hand the gradients to an {@link
 * org.vecgrad.nn.optim.Optimizer}.
 *
 * <p>A Gauss-Newton / Levenberg–Marquardt step by conjugate gradients (being built on {@code
 * org.vecgrad.linop}, not in this package yet) implements this same interface: it records the
 * forward pass once, keeps the tape open, and inside CG applies {@code (G + λI) v} with {@code G v
 * = Jᵀ H_ℓ J v}: a forward (tangent) sweep for {@code J v} from the parameter variables to the
 * model output, {@link Loss#hessianVectorProduct} for {@code H_ℓ}, and a reverse sweep ({@code
 * tape.vjp}) for {@code Jᵀ}. Everything it needs is here: the model (parameters and {@code call}),
 * the loss with its Hessian-vector product, and the batch.
 */
@FunctionalInterface
public interface TrainingStep {
  /** Updates the parameters of {@code model} from {@code batch}; reports the batch's loss. */
  StepResult step(Module model, Loss loss, Batch batch);
}
