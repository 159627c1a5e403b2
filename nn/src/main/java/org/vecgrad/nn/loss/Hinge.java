package org.vecgrad.nn.loss;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.tensor.Tensor;

/**
 * Hinge loss {@code ℓ = Σ max(0, 1 − z ⊙ t)} for labels {@code t ∈ {−1, +1}} (one-vs-rest for
 * several classes), summed ({@link Reduction#SUM}) or divided by the batch rows ({@link
 * Reduction#MEAN}).
 *
 * <p>The loss is piecewise linear in z, so its Hessian is <b>zero almost everywhere</b> (it does
 * not exist on the kinks {@code zt = 1}, a set of measure zero, where we also return zero). Hence
 * {@link #hessianVectorProduct} is the zero vector and the plain Gauss-Newton matrix {@code Jᵀ H J}
 * vanishes: a Gauss-Newton or Levenberg–Marquardt method with this loss steps only through its
 * damping term {@code λI}, i.e. it degrades to scaled gradient descent. Use it with first-order
 * optimisers, or with a smooth surrogate when curvature matters.
 */
public final class Hinge implements Loss {
  private final Reduction reduction;

  /** Hinge loss with the given reduction. */
  public Hinge(Reduction reduction) {
    this.reduction = reduction;
  }

  @Override
  public String name() {
    return "hinge";
  }

  @Override
  public Var value(Var output, Var target) {
    Var s = Ops.hinge(output, target);
    return reduction == Reduction.SUM ? s : Ops.scale(s, 1.0 / Loss.batchRows(output.value()));
  }

  /** Zero almost everywhere (see the class comment). */
  @Override
  public Tensor hessianVectorProduct(Tensor output, Tensor target, Tensor v) {
    Loss.requireSameShape(name(), output, target, v);
    // linop's closed form is for the summed loss; the mean divides by the batch rows
    Tensor sum = LossCurvature.hinge().hvp(output, target, v);
    return reduction == Reduction.SUM
        ? sum
        : Ops.scale(Var.constant(sum), 1.0 / Loss.batchRows(output)).value();
  }

  /** One-hot {0, 1} rows become {−1, +1}: {@code t = 2y − 1}. */
  @Override
  public Tensor encodeTargets(Tensor oneHot) {
    return Ops.add(Ops.scale(Var.constant(oneHot), 2.0), -1.0).value();
  }
}
