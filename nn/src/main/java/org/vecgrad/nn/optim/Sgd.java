package org.vecgrad.nn.optim;

import org.vecgrad.kernel.ArrayOpsF32;
import org.vecgrad.kernel.ArrayOpsF64;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * Plain (stochastic) gradient descent: {@code θ ← θ − η g} (lecture 000).
 *
 * <p>A parameter and gradient of one dtype take one fused pass in that dtype ({@code fma(−η, g, θ)}
 * in SIMD lanes, as PyTorch's SGD computes in the parameter's dtype): an F32 step then reads and
 * writes floats only, about 3× faster than widening to double and back. Mixed dtypes take the
 * general double-precision path.
 */
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
  protected Tensor stepDirect(Tensor value, Tensor grad) {
    if (grad.dtype() != value.dtype()) {
      return null;
    }
    double lr = learningRate();
    if (value.dtype() == DType.F64) {
      double[] theta = value.readF64(); // read before storageF64, which may retire the value
      return newValue(value, ArrayOpsF64.axpy(-lr, grad.readF64(), theta, storageF64(value)));
    }
    float[] theta = value.readF32();
    return newValue(value, ArrayOpsF32.axpy((float) -lr, grad.readF32(), theta, storageF32(value)));
  }

  @Override
  protected void update(double[] theta, double[] g, int n, double[][] state, int offset, long t) {
    double lr = learningRate();
    for (int i = 0; i < n; i++) {
      theta[i] -= lr * g[i];
    }
  }
}
