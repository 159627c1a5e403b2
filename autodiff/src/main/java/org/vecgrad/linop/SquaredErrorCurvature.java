package org.vecgrad.linop;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/** {@code L = ½‖y − t‖²}: {@code ∂L/∂y = y − t}, {@code H_L = I}, so {@code G = JᵀJ}. */
final class SquaredErrorCurvature implements LossCurvature {
  static final SquaredErrorCurvature INSTANCE = new SquaredErrorCurvature();

  private SquaredErrorCurvature() {}

  @Override
  public String name() {
    return "squaredError";
  }

  @Override
  public Var record(Var output, Var target) {
    return Ops.squaredError(output, target);
  }

  @Override
  public Tensor hvp(Tensor output, Tensor target, Tensor v) {
    LossArgs.check(name(), output, target, v);
    return Tensor.wrap(v.shape(), v.toDoubleArray());
  }
}
