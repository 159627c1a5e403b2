package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** {@code A + s·B} with s = ±1 (sum or difference). Adjoint {@code Aᵀ + s·Bᵀ}. */
final class SumOperator implements LinearOperator {
  private final LinearOperator a;
  private final LinearOperator b;
  private final double sign;

  SumOperator(LinearOperator a, LinearOperator b, double sign) {
    String name = sign > 0 ? "plus" : "minus";
    OperatorArgs.notNull(name, "second", b);
    if (!a.domain().equals(b.domain()) || !a.range().equals(b.range())) {
      throw new IllegalArgumentException(
          name
              + ": "
              + a.describe()
              + " and "
              + b.describe()
              + " map different shapes ("
              + a.domain()
              + " → "
              + a.range()
              + " vs "
              + b.domain()
              + " → "
              + b.range()
              + ")");
    }
    this.a = a;
    this.b = b;
    this.sign = sign;
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
    OperatorArgs.domainArg(this, v);
    return Vectors.axpy(sign, b.apply(v), a.apply(v));
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    OperatorArgs.rangeArg(this, u);
    return Vectors.axpy(sign, b.applyAdjoint(u), a.applyAdjoint(u));
  }

  @Override
  public String describe() {
    return "(" + a.describe() + (sign > 0 ? " + " : " − ") + b.describe() + ")";
  }
}
