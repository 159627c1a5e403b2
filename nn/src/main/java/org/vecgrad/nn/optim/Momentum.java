package org.vecgrad.nn.optim;

import jdk.incubator.vector.DoubleVector;
import org.vecgrad.kernel.Simd;

/**
 * Momentum in PyTorch's form, {@code v ← μ v + g}, then either
 *
 * <ul>
 *   <li>heavy ball (Polyak): {@code θ ← θ − η v} — lecture 001's "accelerated descent", where
 *       {@code x_{k+1}} depends on {@code x_k} and {@code x_{k−1}}; or
 *   <li>Nesterov (Sutskever et al., 2013): {@code θ ← θ − η (g + μ v)}, a step that looks ahead
 *       along the updated velocity ({@link #nesterov}).
 * </ul>
 *
 * <p>As in {@link Adam}, the update runs in SIMD lanes with the scalar formula's operations in the
 * same order (same bits), the scalar loop taking the tail and the path with SIMD off.
 */
public final class Momentum extends ElementwiseOptimizer {
  private final double mu;
  private final boolean nesterov;

  /** Heavy-ball momentum with step size {@code lr} and coefficient {@code mu ∈ [0, 1)}. */
  public Momentum(double lr, double mu) {
    this(lr, mu, false);
  }

  private Momentum(double lr, double mu, boolean nesterov) {
    super(lr);
    requireInUnit(nesterov ? "nesterov" : "momentum", "mu", mu);
    this.mu = mu;
    this.nesterov = nesterov;
  }

  /** Nesterov momentum with step size {@code lr} and coefficient {@code mu ∈ [0, 1)}. */
  public static Momentum nesterov(double lr, double mu) {
    return new Momentum(lr, mu, true);
  }

  @Override
  public String name() {
    return nesterov ? "nesterov" : "momentum";
  }

  @Override
  protected int stateBuffers() {
    return 1;
  }

  @Override
  protected void update(double[] theta, double[] g, int n, double[][] state, int offset, long t) {
    double lr = learningRate();
    double[] v = state[0];
    int i = 0;
    if (Simd.enabled()) {
      for (int end = LANES.loopBound(n); i < end; i += LANES.length()) {
        DoubleVector gi = DoubleVector.fromArray(LANES, g, i);
        DoubleVector vi = DoubleVector.fromArray(LANES, v, offset + i).mul(mu).add(gi);
        vi.intoArray(v, offset + i);
        DoubleVector d = nesterov ? gi.add(vi.mul(mu)) : vi;
        // d is a merge of two vectors: an argument, not a receiver, so C2 unboxes it
        DoubleVector step = DoubleVector.broadcast(LANES, lr).mul(d);
        DoubleVector.fromArray(LANES, theta, i).sub(step).intoArray(theta, i);
      }
    }
    for (; i < n; i++) {
      v[offset + i] = mu * v[offset + i] + g[i];
      theta[i] -= lr * (nesterov ? g[i] + mu * v[offset + i] : v[offset + i]);
    }
  }
}
