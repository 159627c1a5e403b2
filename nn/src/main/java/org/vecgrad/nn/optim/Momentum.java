package org.vecgrad.nn.optim;

/**
 * Heavy-ball momentum (Polyak), in PyTorch's form: {@code v ← μ v + g}, {@code θ ← θ − η v}.
 * Lecture 001's "accelerated descent": {@code x_{k+1}} depends on {@code x_k} and {@code x_{k−1}}.
 */
public final class Momentum extends ElementwiseOptimizer {
  private final double mu;

  /** Momentum with step size {@code lr} and coefficient {@code mu ∈ [0, 1)}. */
  public Momentum(double lr, double mu) {
    super(lr);
    requireInUnit("momentum", "mu", mu);
    this.mu = mu;
  }

  @Override
  public String name() {
    return "momentum";
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
      theta[i] -= lr * v[i];
    }
  }
}
