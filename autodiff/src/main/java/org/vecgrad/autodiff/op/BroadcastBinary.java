package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Op;
import org.vecgrad.kernel.BinaryKernel;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Shared plumbing of the elementwise binary ops with numpy broadcasting (add, sub, mul, div): the
 * shape rule and the forward through a {@link BinaryKernel}. Subclasses write their derivative
 * rules; their VJPs reduce over the broadcast axes with {@code sumTo}.
 */
abstract class BroadcastBinary implements Op {
  private final String name;
  private final BinaryKernel kernel;
  private final String rule;

  BroadcastBinary(String name, BinaryKernel kernel, String rule) {
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
  public final Shape shape(Shape... in) {
    Compute.requireArity(name, in, 2);
    return Shape.broadcast(name, in[0], in[1]);
  }

  @Override
  public final Tensor forward(Tensor... in) {
    return Compute.binary(kernel, in[0], in[1], shape(in[0].shape(), in[1].shape()));
  }

  @Override
  public final Shape binaryShape(Shape a, Shape b) {
    return Shape.broadcast(name, a, b);
  }

  @Override
  public final Tensor binaryForward(Tensor a, Tensor b) {
    return Compute.binary(kernel, a, b, binaryShape(a.shape(), b.shape()));
  }
}
