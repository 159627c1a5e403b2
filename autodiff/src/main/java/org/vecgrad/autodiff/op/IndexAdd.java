package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.ArrayOpsF32;
import org.vecgrad.kernel.ArrayOpsF64;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = zeros[n, …]; y[idx[i]] += x[i]} (scatter-add), the transpose of {@link IndexSelect}.
 * Linear. JVP: {@code ẏ = indexAdd(ẋ, idx)}. VJP: {@code x̄ = ȳ[idx]}.
 */
public final class IndexAdd implements LinearOp {
  private final int[] indices;
  private final int rows;

  /** Scatters into {@code rows} rows at {@code indices} (copied). */
  public IndexAdd(int[] indices, int rows) {
    this.indices = indices.clone();
    this.rows = rows;
  }

  @Override
  public String name() {
    return "indexAdd";
  }

  @Override
  public String label() {
    return "indexAdd(into " + rows + " rows)";
  }

  @Override
  public String rule() {
    return "ȳ[idx]";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    if (in[0].rank() == 0 || in[0].dim(0) != indices.length) {
      throw new IllegalArgumentException(
          "indexAdd: input of shape "
              + in[0]
              + " must have "
              + indices.length
              + " rows, one per index");
    }
    for (int i : indices) {
      if (i < 0 || i >= rows) {
        throw new IllegalArgumentException(
            "indexAdd: index " + i + " out of range for " + rows + " rows");
      }
    }
    int[] d = in[0].dims();
    d[0] = rows;
    return Shape.of(d);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape out = shape(in[0].shape());
    int row = in[0].shape().innerSize(0);
    return in[0].dtype() == DType.F32
        ? Tensor.wrap(out, ArrayOpsF32.scatterAddRows(in[0].readF32(), indices, row, out.size()))
        : Tensor.wrap(out, ArrayOpsF64.scatterAddRows(in[0].readF64(), indices, row, out.size()));
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.indexSelect(g, indices)};
  }
}
