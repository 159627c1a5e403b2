package org.vecgrad.linop;

import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * A loss {@code L(y, t)} of a model output y and a target t that knows its own Hessian with respect
 * to y in closed form, {@code H_L = ∂²L/∂y²}: the middle factor of the Gauss-Newton matrix {@code G
 * = Jᵀ·H_L·J} (lecture 002's {@code (J_K Z)ᵀ ∇²_Z E (J_K Z)}; lecture 004's {@code H₀}).
 *
 * <p>An implementation gives the recorded form of the loss ({@link #record}, so that gradients and
 * exact Hessians come from the tape) and the closed-form Hessian-vector product ({@link #hvp});
 * value and gradient follow from the recorded form. The {@code nn} module's losses plug in here.
 *
 * <p>Provided: {@link #squaredError()} ({@code H_L = I}), {@link #softmaxCrossEntropy()} ({@code
 * H_L = s_i (diag(p_i) − p_i p_iᵀ)/b} per row) and {@link #hinge()} ({@code H_L = 0} wherever it is
 * defined).
 */
public interface LossCurvature {
  /** The loss's name, for reports. */
  String name();

  /**
   * Records {@code L(output, target)} as a scalar on the output's tape, with the library's ops.
   *
   * @throws IllegalArgumentException if the shapes do not fit the loss
   */
  Var record(Var output, Var target);

  /**
   * {@code H_L·v}, the Hessian of L with respect to the output at {@code (output, target)}, applied
   * to v (all three of one shape), in closed form.
   *
   * @throws IllegalArgumentException on mismatched shapes, or where the Hessian is undefined
   */
  Tensor hvp(Tensor output, Tensor target, Tensor v);

  /** {@code L(output, target)}. */
  default double value(Tensor output, Tensor target) {
    return record(Var.constant(output), Var.constant(target)).item();
  }

  /** {@code ∂L/∂y} at {@code (output, target)}, by one reverse sweep over the recorded form. */
  default Tensor gradient(Tensor output, Tensor target) {
    try (Tape tape = new Tape()) {
      Var y = tape.variable("y", output);
      return tape.grad(record(y, tape.constant("t", target)), y).of(y);
    }
  }

  /** {@code H_L} at {@code (output, target)} as a self-adjoint operator on the output's shape. */
  default LinearOperator hessian(Tensor output, Tensor target) {
    hvp(output, target, Tensor.zeros(output.shape(), output.dtype())); // checks shapes and kinks
    return Operators.function(
        "H_" + name() + output.shape(),
        output.shape(),
        output.shape(),
        v -> hvp(output, target, v),
        u -> hvp(output, target, u));
  }

  /** {@code ½‖y − t‖²} (Ops.squaredError): {@code H_L = I}. */
  static LossCurvature squaredError() {
    return SquaredErrorCurvature.INSTANCE;
  }

  /**
   * Softmax cross-entropy of logits {@code [b, c]} against target rows, averaged over the batch
   * (Ops.softmaxCrossEntropy): {@code H_L v = (s_i/b)(p_i ⊙ v_i − p_i ⟨p_i, v_i⟩)} per row i, with
   * {@code p_i = softmax(z_i)} and {@code s_i = Σ_j t_ij} (1 for one-hot rows). Positive
   * semi-definite.
   */
  static LossCurvature softmaxCrossEntropy() {
    return SoftmaxCrossEntropyCurvature.INSTANCE;
  }

  /**
   * {@code Σ max(0, 1 − y⊙t)} (Ops.hinge): piecewise linear, so {@code H_L = 0} wherever it is
   * defined; at a kink ({@code y_i t_i = 1}) the Hessian does not exist and {@link #hvp} throws.
   */
  static LossCurvature hinge() {
    return HingeCurvature.INSTANCE;
  }
}
