package org.vecgrad.nn.loss;

import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.tensor.Tensor;

/**
 * A loss {@code ℓ(z, t)} of a model output {@code z [batch, k]} against a target {@code t} of the
 * same shape, with the curvature Gauss-Newton needs.
 *
 * <p>{@link #value} records the loss on the tape (its gradient comes from backprop). {@link
 * #hessianVectorProduct} is the closed form of {@code H_ℓ v = ∇²_z ℓ(z, t) · v}, the middle factor
 * of the Gauss-Newton product {@code G v = Jᵀ H_ℓ J v}. For the losses here {@code H_ℓ} is positive
 * semi-definite, so G is too and conjugate gradients applies.
 *
 * <p>A {@code Loss} is a {@link LossCurvature}, so it plugs straight into {@code
 * org.vecgrad.linop.GaussNewtonOperator}; the closed forms themselves live once, in {@code
 * org.vecgrad.linop}, and the losses here scale them for their reduction.
 */
public interface Loss extends LossCurvature {
  /** Short name for logs ({@code softmax-ce}). */
  String name();

  /** The scalar loss, recorded on the tape of {@code output}. */
  Var value(Var output, Var target);

  /**
   * {@code ∇²_z ℓ(z, t) · v} at {@code z = output}, shaped like the output.
   *
   * @throws IllegalArgumentException if the three shapes differ
   */
  Tensor hessianVectorProduct(Tensor output, Tensor target, Tensor v);

  /** The recorded loss, as {@link LossCurvature} names it: {@link #value}. */
  @Override
  default Var record(Var output, Var target) {
    return value(output, target);
  }

  /** The closed-form Hessian-vector product, as {@link LossCurvature} names it. */
  @Override
  default Tensor hvp(Tensor output, Tensor target, Tensor v) {
    return hessianVectorProduct(output, target, v);
  }

  /**
   * The target this loss expects for one-hot class labels {@code [batch, classes]} (identity by
   * default; the hinge loss wants ±1).
   */
  default Tensor encodeTargets(Tensor oneHot) {
    return oneHot;
  }

  /** Checks that output, target and direction have one shape; names the loss on failure. */
  static void requireSameShape(String loss, Tensor output, Tensor target, Tensor v) {
    if (!output.shape().equals(target.shape())
        || (v != null && !output.shape().equals(v.shape()))) {
      throw new IllegalArgumentException(
          loss
              + ".hessianVectorProduct: output "
              + output.shape()
              + ", target "
              + target.shape()
              + (v == null ? "" : " and v " + v.shape())
              + " must have the same shape");
    }
  }

  /** Rows of a batch: the first dimension, or 1 for a vector or scalar. */
  static int batchRows(Tensor t) {
    return t.rank() >= 2 ? t.shape().dim(0) : 1;
  }
}
