package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code c·A}; adjoint {@code c·Aᵀ}. */
final class ScaledOperator implements LinearOperator {
  private final LinearOperator a;
  private final double c;

  ScaledOperator(LinearOperator a, double c) {
    if (!Double.isFinite(c)) {
      throw new IllegalArgumentException("scale: factor " + c + " is not finite");
    }
    this.a = a;
    this.c = c;
  }

  @Override
  public Shape domain() {
    return a.domain();
  }

  @Override
  public Shape range() {
    return a.range();
  }

  @Override
  public Tensor apply(Tensor v) {
    return Vectors.scale(c, a.apply(OperatorArgs.domainArg(this, v)));
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    return Vectors.scale(c, a.applyAdjoint(OperatorArgs.rangeArg(this, u)));
  }

  @Override
  public String describe() {
    return c + "·" + a.describe();
  }
}
