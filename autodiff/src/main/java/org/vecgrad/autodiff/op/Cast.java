package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = cast(x, dtype)}: the explicit conversion between F64 and F32 (vecgrad never promotes
 * silently). Linear (up to rounding). JVP: {@code ẏ = cast(ẋ)}. VJP: {@code x̄ = cast(ȳ, dtype of
 * x)}.
 */
public final class Cast implements LinearOp {
  private final DType target;

  /** Converts to {@code target}. */
  public Cast(DType target) {
    this.target = target;
  }

  @Override
  public String name() {
    return "cast";
  }

  @Override
  public String label() {
    return "cast(" + target + ")";
  }

  @Override
  public String rule() {
    return "cast(ȳ)";
  }

  @Override
  public DType dtype(DType... inputs) {
    return target;
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    return in[0];
  }

  @Override
  public Tensor forward(Tensor... in) {
    return in[0].cast(target);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.cast(g, node.input(0).dtype())};
  }
}
