package org.vecgrad.nn.optim;

/** Plain (stochastic) gradient descent: {@code θ ← θ − η g} (lecture 000). */
public final class Sgd extends ElementwiseOptimizer {
  /** SGD with step size {@code lr}. */
  public Sgd(double lr) {
    super(lr);
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  protected int stateBuffers() {
    return 0;
  }

  @Override
  protected void update(double[] theta, double[] g, int n, double[][] state, int offset, long t) {
    double lr = learningRate();
    for (int i = 0; i < n; i++) {
      theta[i] -= lr * g[i];
    }
  }
}
