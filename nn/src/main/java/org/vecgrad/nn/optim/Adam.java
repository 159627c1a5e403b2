package org.vecgrad.nn.optim;

/**
 * Adam (Kingma &amp; Ba 2015): moment estimates {@code m ← β₁ m + (1−β₁) g}, {@code v ← β₂ v +
 * (1−β₂) g²}, bias-corrected {@code m̂ = m/(1−β₁ᵗ)}, {@code v̂ = v/(1−β₂ᵗ)}, step {@code θ ← θ − η
 * m̂/(√v̂ + ε)}. The first step therefore moves every coordinate by about {@code η·sign(g)}.
 */
public final class Adam extends ElementwiseOptimizer {
  private final double beta1;
  private final double beta2;
  private final double eps;

  /** Adam with the usual defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
  public Adam(double lr) {
    this(lr, 0.9, 0.999, 1e-8);
  }

  /** Adam with explicit coefficients. */
  public Adam(double lr, double beta1, double beta2, double eps) {
    super(lr);
    requireInUnit("adam", "beta1", beta1);
    requireInUnit("adam", "beta2", beta2);
    if (!(eps > 0)) {
      throw new IllegalArgumentException("adam: eps must be > 0, got " + eps);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  @Override
  public String name() {
    return "adam";
  }

  @Override
  protected int stateBuffers() {
    return 2;
  }

  @Override
  protected void update(double[] theta, double[] g, int n, double[][] state, int offset, long t) {
    double[] m = state[0];
    double[] v = state[1];
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    double lr = learningRate();
    for (int i = 0; i < n; i++) {
      m[offset + i] = beta1 * m[offset + i] + (1 - beta1) * g[i];
      v[offset + i] = beta2 * v[offset + i] + (1 - beta2) * g[i] * g[i];
      theta[i] -= lr * (m[offset + i] / c1) / (Math.sqrt(v[offset + i] / c2) + eps);
    }
  }
}
