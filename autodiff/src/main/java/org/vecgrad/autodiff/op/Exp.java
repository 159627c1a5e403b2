package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/** {@code y = eˣ}. JVP: {@code ẏ = y⊙ẋ}. VJP: {@code x̄ = y⊙ȳ}. */
public final class Exp extends UnaryElementwise {
  /** The one instance. */
  public static final Exp INSTANCE = new Exp();

  private Exp() {
    super("exp", UnaryKernels.EXP, "ȳ·y");
  }

  @Override
  public Var derivative(Node node) {
    Var y = node.output();
    return y;
  }
}
