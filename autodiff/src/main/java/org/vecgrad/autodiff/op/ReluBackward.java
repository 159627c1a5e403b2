package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;

/**
 * {@code z = g ⊙ [x > 0]}: ReLU's backward from the adjoint {@code g} and ReLU's input {@code x}.
 * Linear in {@code g}; the mask is piecewise constant in {@code x}, so {@code x} gets no derivative
 * (zero almost everywhere). JVP: {@code ż = ġ ⊙ [x > 0]}. VJP: {@code ḡ = z̄ ⊙ [x > 0]}, {@code x̄
 * = 0}.
 */
public final class ReluBackward extends ActivationBackward {
  /** The one instance. */
  public static final ReluBackward INSTANCE = new ReluBackward();

  private ReluBackward() {
    super("reluBackward", BinaryKernels.RELU_BACKWARD, "z̄·[x>0], 0");
  }

  @Override
  public Var jvp(Node node, Var[] tangents) {
    return tangents[0] == null ? null : Ops.reluBackward(tangents[0], node.input(1));
  }

  @Override
  public Var[] vjp(Node node, Var zBar, boolean[] wanted) {
    return new Var[] {wanted[0] ? Ops.reluBackward(zBar, node.input(1)) : null, null};
  }
}
