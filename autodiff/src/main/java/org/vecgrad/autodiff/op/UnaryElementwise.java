package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.ElementwiseOp;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Shared plumbing of the unary elementwise ops: a name, a kernel and a rule for pictures. */
abstract class UnaryElementwise implements ElementwiseOp {
  private final String name;
  private final UnaryKernel kernel;
  private final String rule;

  UnaryElementwise(String name, UnaryKernel kernel, String rule) {
    this.name = name;
    this.kernel = kernel;
    this.rule = rule;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String rule() {
    return rule;
  }

  @Override
  public final Tensor forward(Tensor... in) {
    return Compute.unary(kernel, in[0]);
  }

  @Override
  public final Shape unaryShape(Shape x) {
    return x;
  }

  @Override
  public final Tensor unaryForward(Tensor x) {
    return Compute.unary(kernel, x);
  }
}
