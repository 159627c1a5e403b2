package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code y = max(x, 0)} (kink at 0, where the derivative is taken as 0). JVP: {@code ẏ = [x>0]⊙ẋ}.
 * VJP: {@code x̄ = [x>0]⊙ȳ}.
 */
public final class Relu extends UnaryElementwise {
  /** The one instance. */
  public static final Relu INSTANCE = new Relu();

  private Relu() {
    super("relu", UnaryKernels.RELU, "ȳ·[x>0]");
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    return Ops.step(x);
  }

  /** The fused one-pass form of {@code v ⊙ f′} (see {@link #derivative} for the factor). */
  @Override
  public Var timesDerivative(Node node, Var v) {
    return Ops.reluBackward(v, node.input(0));
  }
}
