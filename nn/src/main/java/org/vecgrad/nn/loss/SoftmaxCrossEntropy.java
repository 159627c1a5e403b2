package org.vecgrad.nn.loss;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.tensor.Tensor;

/**
 * Softmax cross-entropy of logits {@code Z [b, c]} against target distributions {@code Y} (one-hot
 * rows), averaged over the batch: {@code ℓ = −(1/b) Σᵢ Σⱼ Yᵢⱼ log softmax(Zᵢ)ⱼ}. Recorded with the
 * fused, stable primitive {@code Ops.softmaxCrossEntropy}.
 *
 * <p>With {@code p = softmax(zᵢ)} and the row mass {@code sᵢ = Σⱼ Yᵢⱼ} (1 for one-hot rows), the
 * gradient of row i is {@code (sᵢ p − yᵢ)/b} and its Hessian is {@code sᵢ (diag(p) − p pᵀ)/b}, so
 *
 * <pre>
 *   (H v)ᵢ = sᵢ · (p ⊙ vᵢ − p · ⟨p, vᵢ⟩) / b.
 * </pre>
 *
 * It is positive semi-definite (a covariance matrix), with null vector {@code 1}: adding a constant
 * to a row of logits changes nothing.
 */
public final class SoftmaxCrossEntropy implements Loss {
  @Override
  public String name() {
    return "softmax-ce";
  }

  @Override
  public Var value(Var output, Var target) {
    return Ops.softmaxCrossEntropy(output, target);
  }

  /** {@code (p_i ⊙ v_i − p_i⟨p_i, v_i⟩)·s_i/b} per row: linop's closed form, the same loss. */
  @Override
  public Tensor hessianVectorProduct(Tensor output, Tensor target, Tensor v) {
    Loss.requireSameShape(name(), output, target, v);
    return LossCurvature.softmaxCrossEntropy().hvp(output, target, v);
  }
}
