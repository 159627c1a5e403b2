package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code Aᵀ}: the same operator with apply and applyAdjoint swapped. */
final class TransposedOperator implements LinearOperator {
  private final LinearOperator a;

  TransposedOperator(LinearOperator a) {
    this.a = a;
  }

  @Override
  public Shape domain() {
    return a.range();
  }

  @Override
  public Shape range() {
    return a.domain();
  }

  @Override
  public Tensor apply(Tensor v) {
    return a.applyAdjoint(v);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    return a.apply(u);
  }

  @Override
  public LinearOperator transpose() {
    return a;
  }

  @Override
  public String describe() {
    return "(" + a.describe() + ")ᵀ";
  }
}
