package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code y = |x|} (not differentiable at 0, where sign gives 0). JVP: {@code ẏ = sign(x)⊙ẋ}. VJP:
 * {@code x̄ = sign(x)⊙ȳ}.
 */
public final class Abs extends UnaryElementwise {
  /** The one instance. */
  public static final Abs INSTANCE = new Abs();

  private Abs() {
    super("abs", UnaryKernels.ABS, "ȳ·sign(x)");
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    return Ops.sign(x);
  }
}
