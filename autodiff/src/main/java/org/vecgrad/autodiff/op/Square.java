package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/** {@code y = x²}. JVP: {@code ẏ = 2x⊙ẋ}. VJP: {@code x̄ = 2x⊙ȳ}. */
public final class Square extends UnaryElementwise {
  /** The one instance. */
  public static final Square INSTANCE = new Square();

  private Square() {
    super("square", UnaryKernels.SQUARE, "2x·ȳ");
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    return Ops.scale(x, 2);
  }
}
