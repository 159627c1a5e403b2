package org.vecgrad.nn.optim;

/**
 * Nesterov accelerated gradient in the form of Sutskever et al. (2013) used by PyTorch: {@code v ←
 * μ v + g}, {@code θ ← θ − η (g + μ v)}: the step looks ahead along the updated velocity.
 */
public final class Nesterov extends ElementwiseOptimizer {
  private final double mu;

  /** Nesterov momentum with step size {@code lr} and coefficient {@code mu ∈ [0, 1)}. */
  public Nesterov(double lr, double mu) {
    super(lr);
    requireInUnit("nesterov", "mu", mu);
    this.mu = mu;
  }

  @Override
  public String name() {
    return "nesterov";
  }

  @Override
  protected int stateBuffers() {
    return 1;
  }

  @Override
  protected void update(double[] theta, double[] g, double[][] state, long t) {
    double lr = learningRate();
    double[] v = state[0];
    for (int i = 0; i < theta.length; i++) {
      v[i] = mu * v[i] + g[i];
      theta[i] -= lr * (g[i] + mu * v[i]);
    }
  }
}
