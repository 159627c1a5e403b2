package org.vecgrad.linop;

import java.util.function.UnaryOperator;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** An operator given by a pair of functions (A·v and Aᵀ·u), with the shape checks added. */
final class FunctionOperator implements LinearOperator {
  private final String name;
  private final Shape domain;
  private final Shape range;
  private final UnaryOperator<Tensor> apply;
  private final UnaryOperator<Tensor> adjoint;

  FunctionOperator(
      String name,
      Shape domain,
      Shape range,
      UnaryOperator<Tensor> apply,
      UnaryOperator<Tensor> adjoint) {
    if (domain == null || range == null || apply == null || adjoint == null) {
      throw new IllegalArgumentException("Operators.function(" + name + "): null argument");
    }
    this.name = name;
    this.domain = domain;
    this.range = range;
    this.apply = apply;
    this.adjoint = adjoint;
  }

  @Override
  public Shape domain() {
    return domain;
  }

  @Override
  public Shape range() {
    return range;
  }

  @Override
  public Tensor apply(Tensor v) {
    return apply.apply(OperatorArgs.domainArg(this, v));
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    return adjoint.apply(OperatorArgs.rangeArg(this, u));
  }

  @Override
  public String describe() {
    return name;
  }
}
