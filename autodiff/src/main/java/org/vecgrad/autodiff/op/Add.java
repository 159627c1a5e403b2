package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = a + b} with broadcasting. Linear. JVP: {@code ẏ = ȧ + ḃ}. VJP: {@code ā = sumTo(ȳ,
 * shape a)}, {@code b̄ = sumTo(ȳ, shape b)} (summing over the broadcast axes).
 */
public final class Add implements LinearOp {
  /** The one instance. */
  public static final Add INSTANCE = new Add();

  private Add() {}

  @Override
  public String name() {
    return "add";
  }

  @Override
  public String rule() {
    return "ȳ";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 2);
    return Shape.broadcast(name(), in[0], in[1]);
  }

  @Override
  public Tensor forward(Tensor... in) {
    return Compute.binary(BinaryKernels.ADD, in[0], in[1], shape(in[0].shape(), in[1].shape()));
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {
      wanted[0] ? Ops.sumTo(g, node.input(0).shape()) : null,
      wanted[1] ? Ops.sumTo(g, node.input(1).shape()) : null
    };
  }
}
