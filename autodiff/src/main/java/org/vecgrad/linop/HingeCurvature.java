package org.vecgrad.linop;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * {@code L = Σ max(0, 1 − y⊙t)}: piecewise linear in y, so {@code H_L = 0} (and the Gauss-Newton
 * matrix is zero) wherever the Hessian exists. At a kink, {@code y_i t_i = 1}, the gradient jumps
 * and there is no Hessian: {@link #hvp} refuses rather than return a silently wrong zero.
 */
final class HingeCurvature implements LossCurvature {
  static final HingeCurvature INSTANCE = new HingeCurvature();

  private HingeCurvature() {}

  @Override
  public String name() {
    return "hinge";
  }

  @Override
  public Var record(Var output, Var target) {
    return Ops.hinge(output, target);
  }

  @Override
  public Tensor hvp(Tensor output, Tensor target, Tensor v) {
    LossArgs.check(name(), output, target, v);
    double[] y = output.readF64();
    double[] t = target.readF64();
    for (int i = 0; i < y.length; i++) {
      if (y[i] * t[i] == 1.0) {
        throw new IllegalArgumentException(
            "hinge.hvp: the Hessian is undefined at element "
                + i
                + " of "
                + output.shape()
                + " (y·t = 1, a kink of max(0, 1 − y·t))");
      }
    }
    return Tensor.zeros(v.shape(), v.dtype());
  }
}
