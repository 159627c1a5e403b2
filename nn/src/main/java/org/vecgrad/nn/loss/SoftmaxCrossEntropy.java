package org.vecgrad.nn.loss;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Softmax cross-entropy of logits {@code Z [b, c]} against target distributions {@code Y} (one-hot
 * rows), averaged over the batch: {@code ℓ = −(1/b) Σᵢ Σⱼ Yᵢⱼ log softmax(Zᵢ)ⱼ}. Recorded with the
 * fused, stable primitive {@code Ops.softmaxCrossEntropy}.
 *
 * <p>With {@code p = softmax(zᵢ)} and the row mass {@code sᵢ = Σⱼ Yᵢⱼ} (1 for one-hot rows), the
 * gradient of row i is {@code (sᵢ p − yᵢ)/b} and its Hessian is {@code sᵢ (diag(p) − p pᵀ)/b}, so
 *
 * <pre>
 *   (H v)ᵢ = sᵢ · (p ⊙ vᵢ − p · ⟨p, vᵢ⟩) / b.
 * </pre>
 *
 * It is positive semi-definite (a covariance matrix), with null vector {@code 1}: adding a constant
 * to a row of logits changes nothing.
 */
public final class SoftmaxCrossEntropy implements Loss {
  @Override
  public String name() {
    return "softmax-ce";
  }

  @Override
  public Var value(Var output, Var target) {
    return Ops.softmaxCrossEntropy(output, target);
  }

  @Override
  public Tensor hessianVectorProduct(Tensor output, Tensor target, Tensor v) {
    Loss.requireSameShape(name(), output, target, v);
    Shape s = output.shape();
    if (s.rank() != 2) {
      throw new IllegalArgumentException(
          name() + ".hessianVectorProduct: logits must be [batch, classes], got " + s);
    }
    int b = s.dim(0);
    int c = s.dim(1);
    double[] z = output.readF64();
    double[] y = target.readF64();
    double[] vv = v.readF64();
    double[] out = new double[b * c];
    double[] p = new double[c];
    for (int i = 0; i < b; i++) {
      int row = i * c;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c; j++) {
        max = Math.max(max, z[row + j]);
      }
      double norm = 0;
      double mass = 0;
      for (int j = 0; j < c; j++) {
        p[j] = Math.exp(z[row + j] - max); // shifted for stability; the ratio is unchanged
        norm += p[j];
        mass += y[row + j];
      }
      double pv = 0;
      for (int j = 0; j < c; j++) {
        p[j] /= norm;
        pv += p[j] * vv[row + j];
      }
      for (int j = 0; j < c; j++) {
        out[row + j] = mass * p[j] * (vv[row + j] - pv) / b;
      }
    }
    return Tensor.wrap(s, out, output.dtype());
  }
}
