package org.vecgrad.linop;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * Softmax cross-entropy averaged over a batch of b rows, {@code L = −(1/b) Σ_ij t_ij log p_ij} with
 * {@code p_i = softmax(z_i)}. Per row, {@code ∂L/∂z_i = (s_i p_i − t_i)/b} with {@code s_i = Σ_j
 * t_ij}, and differentiating {@code p_i} again ({@code ∂p_i/∂z_i = diag(p_i) − p_i p_iᵀ}):
 *
 * <pre>
 *   H_L v = (s_i/b)·(p_i ⊙ v_i − p_i ⟨p_i, v_i⟩)     row by row (rows do not couple).
 * </pre>
 *
 * {@code diag(p) − ppᵀ} is the covariance of a categorical variable, hence positive semi-definite
 * (for non-negative targets).
 */
final class SoftmaxCrossEntropyCurvature implements LossCurvature {
  static final SoftmaxCrossEntropyCurvature INSTANCE = new SoftmaxCrossEntropyCurvature();

  private SoftmaxCrossEntropyCurvature() {}

  @Override
  public String name() {
    return "softmaxCrossEntropy";
  }

  @Override
  public Var record(Var output, Var target) {
    return Ops.softmaxCrossEntropy(output, target);
  }

  @Override
  public Tensor hvp(Tensor output, Tensor target, Tensor v) {
    LossArgs.check(name(), output, target, v);
    if (output.rank() != 2) {
      throw new IllegalArgumentException(
          "softmaxCrossEntropy.hvp: logits must be [batch, classes], got " + output.shape());
    }
    int b = output.shape().dim(0);
    int c = output.shape().dim(1);
    double[] z = output.readF64();
    double[] t = target.readF64();
    double[] x = v.readF64();
    double[] out = new double[b * c];
    double[] p = new double[c];
    for (int i = 0; i < b; i++) {
      int row = i * c;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c; j++) {
        max = Math.max(max, z[row + j]);
      }
      double sum = 0;
      double rowTargets = 0;
      for (int j = 0; j < c; j++) {
        p[j] = Math.exp(z[row + j] - max);
        sum += p[j];
        rowTargets += t[row + j];
      }
      double pv = 0;
      for (int j = 0; j < c; j++) {
        p[j] /= sum;
        pv += p[j] * x[row + j];
      }
      double f = rowTargets / b;
      for (int j = 0; j < c; j++) {
        out[row + j] = f * p[j] * (x[row + j] - pv);
      }
    }
    return Tensor.wrap(v.shape(), out);
  }
}
