package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernel;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * An activation's backward fused into one op: {@code z = g ⊙ f′}, where {@code g} is the incoming
 * adjoint (or, in forward mode, the tangent) and the second input is what {@code f′} is written in
 * — the activation's input for ReLU, its output for tanh and sigmoid.
 *
 * <p>Why: the generic elementwise rule records "derivative, then multiply", two passes over memory
 * and a temporary per activation in every sweep. These ops make it one pass. Both inputs must have
 * the same shape (they never broadcast: the adjoint has the shape of the activation).
 *
 * <p>The rules follow from {@code z} being linear in {@code g}: JVP {@code ż = op(ġ, y) + (∂z/∂y) ⊙
 * ẏ}, VJP {@code ḡ = op(z̄, y)} and {@code ȳ = (∂z/∂y) ⊙ z̄}; a subclass gives {@code ∂z/∂y} as
 * {@link #slope}.
 */
abstract class ActivationBackward implements Op {
  private final String name;
  private final BinaryKernel kernel;
  private final String rule;

  ActivationBackward(String name, BinaryKernel kernel, String rule) {
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
    return binaryShape(in[0], in[1]);
  }

  @Override
  public final Shape binaryShape(Shape g, Shape y) {
    if (!g.equals(y)) {
      throw new IllegalArgumentException(
          name + ": the adjoint " + g + " and the activation's " + y + " must have the same shape");
    }
    return g;
  }

  @Override
  public final Tensor forward(Tensor... in) {
    return binaryForward(in[0], in[1]);
  }

  @Override
  public final Tensor binaryForward(Tensor g, Tensor y) {
    return Compute.binary(kernel, g, y, g.shape());
  }

  /** {@code ∂z/∂y} recorded with {@link Ops}, or null where it is zero almost everywhere. */
  abstract Var slope(Var g, Var y);

  @Override
  public final Var jvp(Node node, Var[] tangents) {
    Var g = node.input(0);
    Var y = node.input(1);
    Var viaG = tangents[0] == null ? null : Ops.apply(this, tangents[0], y);
    Var slope = tangents[1] == null ? null : slope(g, y);
    return sumOrNull(viaG, slope == null ? null : Ops.mul(slope, tangents[1]));
  }

  @Override
  public final Var[] vjp(Node node, Var zBar, boolean[] wanted) {
    Var g = node.input(0);
    Var y = node.input(1);
    Var slope = wanted[1] ? slope(g, y) : null;
    return new Var[] {
      wanted[0] ? Ops.apply(this, zBar, y) : null, slope == null ? null : Ops.mul(slope, zBar)
    };
  }

  /** {@code a + b} where a null term is zero (the tangent convention); null when both are. */
  private static Var sumOrNull(Var a, Var b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Ops.add(a, b);
  }
}
