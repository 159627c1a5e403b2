package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code z = g ⊙ y(1 − y)}: the logistic sigmoid's backward from the adjoint {@code g} and the
 * sigmoid's output {@code y}. JVP: {@code ż = ġ ⊙ y(1 − y) + g ⊙ (1 − 2y) ⊙ ẏ}. VJP: {@code ḡ = z̄
 * ⊙ y(1 − y)} (this op again), {@code ȳ = g ⊙ (1 − 2y) ⊙ z̄}.
 */
public final class SigmoidBackward extends ActivationBackward {
  /** The one instance. */
  public static final SigmoidBackward INSTANCE = new SigmoidBackward();

  private SigmoidBackward() {
    super("sigmoidBackward", BinaryKernels.SIGMOID_BACKWARD, "z̄·y(1−y), g·(1−2y)·z̄");
  }

  @Override
  public Var jvp(Node node, Var[] tangents) {
    Var g = node.input(0);
    Var y = node.input(1);
    Var viaG = tangents[0] == null ? null : Ops.sigmoidBackward(tangents[0], y);
    Var viaY = tangents[1] == null ? null : Ops.mul(slope(g, y), tangents[1]);
    return sumOrNull(viaG, viaY);
  }

  @Override
  public Var[] vjp(Node node, Var zBar, boolean[] wanted) {
    Var g = node.input(0);
    Var y = node.input(1);
    return new Var[] {
      wanted[0] ? Ops.sigmoidBackward(zBar, y) : null, wanted[1] ? Ops.mul(slope(g, y), zBar) : null
    };
  }

  /** {@code ∂z/∂y = g ⊙ (1 − 2y)}. */
  private static Var slope(Var g, Var y) {
    return Ops.mul(g, Ops.add(Ops.scale(y, -2), 1));
  }
}
