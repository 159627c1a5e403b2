package org.vecgrad.linop;

import org.vecgrad.kernel.MatMul;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code A ⊗ B} for {@code A ∈ ℝ^{p×q}}, {@code B ∈ ℝ^{r×s}}, never formed:
 *
 * <pre>
 *   (A ⊗ B)·v = vec(B · mat_{s×q}(v) · Aᵀ),      (A ⊗ B)ᵀ·u = (Aᵀ ⊗ Bᵀ)·u = vec(Bᵀ · mat_{r×p}(u) · A).
 * </pre>
 *
 * Cost {@code O(pqs + prs)} instead of {@code O(pqrs)}. With column-stacking vec, the array of a
 * column-major {@code s×q} matrix V is the row-major array of {@code Vᵀ}, so the product is
 * computed as the row-major {@code A·Vᵀ·Bᵀ} (two matmuls, no transposed copies).
 */
final class KroneckerOperator implements LinearOperator {
  private final Tensor a;
  private final Tensor b;
  private final int p;
  private final int q;
  private final int r;
  private final int s;

  KroneckerOperator(Tensor a, Tensor b) {
    this.a = a;
    this.b = b;
    this.p = a.shape().dim(0);
    this.q = a.shape().dim(1);
    this.r = b.shape().dim(0);
    this.s = b.shape().dim(1);
  }

  @Override
  public Shape domain() {
    return Shape.of(q * s);
  }

  @Override
  public Shape range() {
    return Shape.of(p * r);
  }

  @Override
  public Tensor apply(Tensor v) {
    OperatorArgs.domainArg(this, v);
    double[] av = new double[p * s]; // A · Vᵀ   [p×s]
    MatMul.gemm(false, false, p, s, q, a.readF64(), v.readF64(), av);
    double[] out = new double[p * r]; // (A·Vᵀ)·Bᵀ = (B·V·Aᵀ)ᵀ   [p×r]
    MatMul.gemm(false, true, p, r, s, av, b.readF64(), out);
    return Tensor.wrap(range(), out);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    OperatorArgs.rangeArg(this, u);
    double[] au = new double[q * r]; // Aᵀ · Uᵀ   [q×r]
    MatMul.gemm(true, false, q, r, p, a.readF64(), u.readF64(), au);
    double[] out = new double[q * s]; // (Aᵀ·Uᵀ)·B = (Bᵀ·U·A)ᵀ   [q×s]
    MatMul.gemm(false, false, q, s, r, au, b.readF64(), out);
    return Tensor.wrap(domain(), out);
  }

  @Override
  public String describe() {
    return "A" + a.shape() + " ⊗ B" + b.shape();
  }
}
