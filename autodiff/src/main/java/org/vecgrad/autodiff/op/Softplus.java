package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code y = ln(1+eˣ)}, stable for large |x|. JVP: {@code ẏ = σ(x)⊙ẋ}. VJP: {@code x̄ = σ(x)⊙ȳ}.
 */
public final class Softplus extends UnaryElementwise {
  /** The one instance. */
  public static final Softplus INSTANCE = new Softplus();

  private Softplus() {
    super("softplus", UnaryKernels.SOFTPLUS, "ȳ·σ(x)");
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    return Ops.sigmoid(x);
  }
}
