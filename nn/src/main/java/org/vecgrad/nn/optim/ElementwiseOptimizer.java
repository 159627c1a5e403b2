package org.vecgrad.nn.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.Tensor;

/**
 * Base of optimisers whose update acts on each scalar independently, {@code θᵢ ← f(θᵢ, gᵢ,
 * stateᵢ)}. It checks the inputs, keeps per-parameter state buffers (in double precision whatever
 * the parameter dtype, so F32 training does not accumulate rounding in the moments), and replaces
 * each parameter by a new tensor of its own dtype.
 */
public abstract class ElementwiseOptimizer implements Optimizer {
  private final Map<Parameter, double[][]> state = new IdentityHashMap<>();
  private double lr;
  private long steps;

  /** An optimiser with learning rate {@code lr}. */
  protected ElementwiseOptimizer(double lr) {
    setLearningRate(lr);
  }

  /** Number of state buffers per parameter (0 for SGD, 1 for momentum, 2 for Adam). */
  protected abstract int stateBuffers();

  /**
   * Updates {@code theta} in place from {@code g}.
   *
   * @param theta a private copy of the parameter, to overwrite with the new value
   * @param g the gradient (read only)
   * @param state this parameter's buffers, zero at the first step
   * @param t the step number, 1 at the first step
   */
  protected abstract void update(double[] theta, double[] g, double[][] state, long t);

  @Override
  public final void step(List<Parameter> params, List<Tensor> grads) {
    if (params.size() != grads.size()) {
      throw new IllegalArgumentException(
          name() + ".step: " + params.size() + " parameters but " + grads.size() + " gradients");
    }
    for (int i = 0; i < params.size(); i++) {
      Tensor v = params.get(i).value();
      Tensor g = grads.get(i);
      if (g == null || !g.shape().equals(v.shape())) {
        throw new IllegalArgumentException(
            name()
                + ".step: gradient "
                + i
                + " has shape "
                + (g == null ? "null" : g.shape())
                + ", "
                + params.get(i)
                + " needs "
                + v.shape());
      }
    }
    steps++;
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      double[] theta = p.value().toDoubleArray();
      double[][] s = state.computeIfAbsent(p, k -> new double[stateBuffers()][theta.length]);
      update(theta, grads.get(i).readF64(), s, steps);
      p.set(Tensor.wrap(p.value().shape(), theta, p.value().dtype()));
    }
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException(name() + ": learning rate must be > 0, got " + lr);
    }
    this.lr = lr;
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }

  static void requireInUnit(String opt, String what, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(opt + ": " + what + " must be in [0, 1), got " + v);
    }
  }
}
