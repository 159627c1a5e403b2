package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code A·B}: B first, then A. Adjoint {@code (A·B)ᵀ = Bᵀ·Aᵀ}. */
final class ComposedOperator implements LinearOperator {
  private final LinearOperator outer;
  private final LinearOperator inner;

  ComposedOperator(LinearOperator outer, LinearOperator inner) {
    OperatorArgs.notNull("compose", "inner", inner);
    if (!inner.range().equals(outer.domain())) {
      throw new IllegalArgumentException(
          "compose: "
              + outer.describe()
              + " · "
              + inner.describe()
              + ": the inner range "
              + inner.range()
              + " differs from the outer domain "
              + outer.domain());
    }
    this.outer = outer;
    this.inner = inner;
  }

  @Override
  public Shape domain() {
    return inner.domain();
  }

  @Override
  public Shape range() {
    return outer.range();
  }

  @Override
  public Tensor apply(Tensor v) {
    return outer.apply(inner.apply(OperatorArgs.domainArg(this, v)));
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    return inner.applyAdjoint(outer.applyAdjoint(OperatorArgs.rangeArg(this, u)));
  }

  @Override
  public String describe() {
    return "(" + outer.describe() + ") · (" + inner.describe() + ")";
  }
}
