package org.vecgrad.linop;

import org.vecgrad.kernel.MatMul;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** A dense matrix {@code M [m, n]}: {@code v ↦ M·v}, {@code u ↦ Mᵀ·u}. */
final class MatrixOperator implements LinearOperator {
  private final Tensor m;
  private final int rows;
  private final int cols;

  MatrixOperator(Tensor m) {
    this.m = m;
    this.rows = m.shape().dim(0);
    this.cols = m.shape().dim(1);
  }

  @Override
  public Shape domain() {
    return Shape.of(cols);
  }

  @Override
  public Shape range() {
    return Shape.of(rows);
  }

  @Override
  public Tensor apply(Tensor v) {
    OperatorArgs.domainArg(this, v);
    double[] out = new double[rows];
    MatMul.gemm(false, false, rows, 1, cols, m.readF64(), v.readF64(), out);
    return Tensor.wrap(range(), out);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    OperatorArgs.rangeArg(this, u);
    double[] out = new double[cols];
    MatMul.gemm(true, false, cols, 1, rows, m.readF64(), u.readF64(), out);
    return Tensor.wrap(domain(), out);
  }

  @Override
  public String describe() {
    return "M" + m.shape();
  }
}
