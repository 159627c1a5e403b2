package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code y = σ(x) = 1/(1+e⁻ˣ)}, stable for large |x|. JVP: {@code ẏ = y(1−y)⊙ẋ}. VJP: {@code x̄ =
 * y(1−y)⊙ȳ}.
 */
public final class Sigmoid extends UnaryElementwise {
  /** The one instance. */
  public static final Sigmoid INSTANCE = new Sigmoid();

  private Sigmoid() {
    super("sigmoid", UnaryKernels.SIGMOID, "ȳ·y(1−y)");
  }

  @Override
  public Var derivative(Node node) {
    Var y = node.output();
    return Ops.mul(y, Ops.add(Ops.neg(y), 1));
  }

  /** The fused one-pass form of {@code v ⊙ f′} (see {@link #derivative} for the factor). */
  @Override
  public Var timesDerivative(Node node, Var v) {
    return Ops.sigmoidBackward(v, node.output());
  }
}
