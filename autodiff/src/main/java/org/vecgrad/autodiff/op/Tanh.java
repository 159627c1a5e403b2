package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/** {@code y = tanh x}. JVP: {@code ẏ = (1−y²)⊙ẋ}. VJP: {@code x̄ = (1−y²)⊙ȳ}. */
public final class Tanh extends UnaryElementwise {
  /** The one instance. */
  public static final Tanh INSTANCE = new Tanh();

  private Tanh() {
    super("tanh", UnaryKernels.TANH, "ȳ·(1−y²)");
  }

  @Override
  public Var derivative(Node node) {
    Var y = node.output();
    return Ops.add(Ops.neg(Ops.square(y)), 1);
  }

  /** The fused one-pass form of {@code v ⊙ f′} (see {@link #derivative} for the factor). */
  @Override
  public Var timesDerivative(Node node, Var v) {
    return Ops.tanhBackward(v, node.output());
  }
}
