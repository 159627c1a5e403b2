package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code z = 1 − y²}, tanh's derivative in terms of its output ({@code tanh′(x) = 1 − tanh²x}): one
 * fused op where the rule would otherwise record square, neg and add. JVP: {@code ż = −2y⊙ẏ}. VJP:
 * {@code ȳ = −2y⊙z̄}.
 */
public final class TanhGrad extends UnaryElementwise {
  /** The one instance. */
  public static final TanhGrad INSTANCE = new TanhGrad();

  private TanhGrad() {
    super("tanhGrad", UnaryKernels.ONE_MINUS_SQUARE, "−2y·z̄");
  }

  @Override
  public Var derivative(Node node) {
    return Ops.scale(node.input(0), -2);
  }
}
