package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = concat(x₁, …, xₙ; axis)}. Linear. JVP: {@code ẏ = concat(ẋ₁, …, ẋₙ)}. VJP: {@code x̄ᵢ
 * = slice(ȳ, axis, offsetᵢ, offsetᵢ + nᵢ)}.
 */
public final class Concat implements LinearOp {
  private final int axis;

  /** Joins along {@code axis}. */
  public Concat(int axis) {
    this.axis = axis;
  }

  @Override
  public String name() {
    return "concat";
  }

  @Override
  public String label() {
    return "concat(axis=" + axis + ")";
  }

  @Override
  public String rule() {
    return "slice(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    if (in.length == 0) {
      throw new IllegalArgumentException("concat: needs at least one input");
    }
    int a = in[0].normalizeAxis(axis, name());
    int total = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i].rank() != in[0].rank()) {
        throw new IllegalArgumentException(
            "concat: input " + i + " has shape " + in[i] + ", input 0 has " + in[0]);
      }
      for (int d = 0; d < in[0].rank(); d++) {
        if (d != a && in[i].dim(d) != in[0].dim(d)) {
          throw new IllegalArgumentException(
              "concat(axis="
                  + axis
                  + "): input "
                  + i
                  + " has shape "
                  + in[i]
                  + ", input 0 has "
                  + in[0]
                  + "; all dimensions but the axis must agree");
        }
      }
      total += in[i].dim(a);
    }
    int[] d = in[0].dims();
    d[a] = total;
    return Shape.of(d);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape[] shapes = new Shape[in.length];
    for (int i = 0; i < in.length; i++) {
      shapes[i] = in[i].shape();
    }
    Shape out = shape(shapes);
    int a = out.normalizeAxis(axis, name());
    int outer = out.outerSize(a);
    int inner = out.innerSize(a);
    int rowOut = out.dim(a) * inner;
    Object y = Compute.newStorage(in[0].dtype(), out.size());
    int offset = 0;
    for (Tensor t : in) {
      int row = t.shape().dim(a) * inner;
      Object x = Compute.storage(t);
      Compute.copyRuns(x, row, 0, y, rowOut, offset, outer, row);
      offset += row;
    }
    return Compute.wrapStorage(out, y);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var[] out = new Var[node.arity()];
    int start = 0;
    for (int i = 0; i < out.length; i++) {
      Shape s = node.input(i).shape();
      int len = s.dim(s.normalizeAxis(axis, name()));
      if (wanted[i]) {
        out[i] = Ops.slice(g, axis, start, start + len);
      }
      start += len;
    }
    return out;
  }
}
