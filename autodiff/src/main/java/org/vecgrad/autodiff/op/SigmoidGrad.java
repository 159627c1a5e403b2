package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/**
 * {@code z = y(1 − y)}, the sigmoid's derivative in terms of its output ({@code σ′(x) = σ(1 − σ)}):
 * one fused op where the rule would otherwise record neg, add and mul. JVP: {@code ż = (1 − 2y)⊙ẏ}.
 * VJP: {@code ȳ = (1 − 2y)⊙z̄}.
 */
public final class SigmoidGrad extends UnaryElementwise {
  /** The one instance. */
  public static final SigmoidGrad INSTANCE = new SigmoidGrad();

  private SigmoidGrad() {
    super("sigmoidGrad", UnaryKernels.LOGISTIC_SLOPE, "(1−2y)·z̄");
  }

  @Override
  public Var derivative(Node node) {
    return Ops.add(Ops.scale(node.input(0), -2), 1);
  }
}
