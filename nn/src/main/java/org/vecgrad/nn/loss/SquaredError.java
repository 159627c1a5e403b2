package org.vecgrad.nn.loss;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LossCurvature;
import org.vecgrad.tensor.Tensor;

/**
 * Squared error {@code ℓ = ½‖z − t‖²} ({@link Reduction#SUM}) or {@code ℓ = (1/2b)‖z − t‖²} over
 * {@code b} batch rows ({@link Reduction#MEAN}).
 *
 * <p>Gradient {@code ∇_z ℓ = (z − t)} (divided by b for MEAN). The Hessian is the identity (over
 * b), so {@code H v = v} or {@code v / b}: Gauss-Newton for squared error is {@code JᵀJ}.
 */
public final class SquaredError implements Loss {
  private final Reduction reduction;

  /** Squared error with the given reduction. */
  public SquaredError(Reduction reduction) {
    this.reduction = reduction;
  }

  /** Averaged over the batch. */
  public static SquaredError mean() {
    return new SquaredError(Reduction.MEAN);
  }

  /** Summed, {@code ½‖z − t‖²}, as {@code Ops.squaredError}. */
  public static SquaredError sum() {
    return new SquaredError(Reduction.SUM);
  }

  @Override
  public String name() {
    return "squared-error";
  }

  @Override
  public Var value(Var output, Var target) {
    Var s = Ops.squaredError(output, target);
    return reduction == Reduction.SUM ? s : Ops.scale(s, 1.0 / Loss.batchRows(output.value()));
  }

  @Override
  public Tensor hessianVectorProduct(Tensor output, Tensor target, Tensor v) {
    Loss.requireSameShape(name(), output, target, v);
    // linop's closed form is for the summed loss; the mean divides by the batch rows
    Tensor sum = LossCurvature.squaredError().hvp(output, target, v);
    return reduction == Reduction.SUM
        ? sum
        : Ops.scale(Var.constant(sum), 1.0 / Loss.batchRows(output)).value();
  }
}
