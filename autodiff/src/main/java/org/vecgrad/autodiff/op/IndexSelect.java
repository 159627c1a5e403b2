package org.vecgrad.autodiff.op;

import java.util.Arrays;
import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y[i] = x[idx[i]]} along the first axis (gather: minibatches, embedding rows). Linear. JVP:
 * {@code ẏ = ẋ[idx]}. VJP: {@code x̄ = indexAdd(ȳ, idx)}, rows scattered back and summed where an
 * index repeats.
 */
public final class IndexSelect implements LinearOp {
  private final int[] indices;

  /** Selects rows {@code indices} (copied). */
  public IndexSelect(int[] indices) {
    this.indices = indices.clone();
  }

  @Override
  public String name() {
    return "indexSelect";
  }

  @Override
  public String label() {
    return "indexSelect(" + indices.length + " rows)";
  }

  @Override
  public String rule() {
    return "scatterAdd(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    if (in[0].rank() == 0) {
      throw new IllegalArgumentException("indexSelect: cannot index a scalar");
    }
    int n = in[0].dim(0);
    for (int i : indices) {
      if (i < 0 || i >= n) {
        throw new IllegalArgumentException(
            "indexSelect: index " + i + " out of range for first axis of shape " + in[0]);
      }
    }
    int[] d = in[0].dims();
    d[0] = indices.length;
    return Shape.of(d);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape out = shape(in[0].shape());
    int row = in[0].shape().innerSize(0);
    Object x = Compute.storage(in[0]);
    Object y = Compute.newStorage(in[0].dtype(), out.size());
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(x, indices[i] * row, y, i * row, row);
    }
    return Compute.wrapStorage(out, y);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.indexAdd(g, indices, node.input(0).shape().dim(0))};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexSelect && Arrays.equals(indices, ((IndexSelect) o).indices);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(indices);
  }
}
