package org.vecgrad.autodiff;

import org.vecgrad.tensor.Shape;

/**
 * A unary elementwise op {@code y = f(x)}. Its Jacobian is diagonal, {@code J = diag(f′(x))}, so
 * both rules follow from the derivative: JVP {@code ẏ = f′(x)·ẋ} and VJP {@code x̄ = f′(x)·ȳ}. An
 * implementation writes the forward and {@link #derivative(Node)}, the latter with {@link Ops} so
 * it can be differentiated again. An op whose "multiply by the derivative" has a fused one-pass
 * form overrides {@link #timesDerivative} (ReLU, tanh, sigmoid do).
 */
public interface ElementwiseOp extends Op {
  /** {@code f′(x)} as a tensor shaped like x, built from the node's input and output. */
  Var derivative(Node node);

  @Override
  default Shape shape(Shape... inputs) {
    if (inputs.length != 1) {
      throw new IllegalArgumentException(name() + ": takes 1 input, got " + inputs.length);
    }
    return inputs[0];
  }

  /**
   * {@code v ⊙ f′(x)}: both rules are this product, with the tangent (JVP) or the adjoint (VJP) as
   * {@code v}. The default records the derivative and a multiply; an override may record one fused
   * op instead.
   */
  default Var timesDerivative(Node node, Var v) {
    return Ops.mul(v, derivative(node));
  }

  @Override
  default Var jvp(Node node, Var[] tangents) {
    return timesDerivative(node, tangents[0]);
  }

  @Override
  default Var unaryVjp(Node node, Var gOut) {
    return timesDerivative(node, gOut);
  }

  @Override
  default Var[] vjp(Node node, Var gOut, boolean[] wanted) {
    return new Var[] {unaryVjp(node, gOut)};
  }
}
