package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.ElementwiseOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.tensor.Tensor;

/**
 * An elementwise op that is constant between its jumps (sign, step): its derivative is zero
 * wherever it exists, so JVP and VJP both give zero (returned as symbolic zeros, {@code null}).
 */
abstract class PiecewiseConstant implements ElementwiseOp {
  private final String name;
  private final UnaryKernel kernel;

  PiecewiseConstant(String name, UnaryKernel kernel) {
    this.name = name;
    this.kernel = kernel;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String rule() {
    return "0";
  }

  @Override
  public final Tensor forward(Tensor... in) {
    return Compute.unary(kernel, in[0]);
  }

  @Override
  public final Var derivative(Node node) {
    return org.vecgrad.autodiff.Ops.zerosLike(node.input(0));
  }

  @Override
  public final Var jvp(Node node, Var[] tangents) {
    return null;
  }

  @Override
  public final Var[] vjp(Node node, Var gOut, boolean[] wanted) {
    return new Var[1];
  }
}
