package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = embed(x)}: x placed at offset {@code start} along an axis of zeros of length {@code
 * size} (zero padding), the transpose of {@link Slice}. Linear. JVP: {@code ẏ = embed(ẋ)}. VJP:
 * {@code x̄ = slice(ȳ, start, start + n)}.
 */
public final class Embed implements LinearOp {
  private final int axis;
  private final int start;
  private final int size;

  /** Pads along {@code axis} to {@code size}, with x starting at {@code start}. */
  public Embed(int axis, int start, int size) {
    this.axis = axis;
    this.start = start;
    this.size = size;
  }

  @Override
  public String name() {
    return "embed";
  }

  @Override
  public String label() {
    return "embed(axis=" + axis + ", at " + start + " of " + size + ")";
  }

  @Override
  public String rule() {
    return "slice(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    int a = in[0].normalizeAxis(axis, name());
    if (start < 0 || start + in[0].dim(a) > size) {
      throw new IllegalArgumentException(
          "embed: "
              + in[0].dim(a)
              + " elements at offset "
              + start
              + " do not fit in "
              + size
              + " along axis "
              + axis
              + " of shape "
              + in[0]);
    }
    int[] d = in[0].dims();
    d[a] = size;
    return Shape.of(d);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    Shape out = shape(s);
    int a = s.normalizeAxis(axis, name());
    int inner = s.innerSize(a);
    int rowIn = s.dim(a) * inner;
    int rowOut = size * inner;
    Object x = Compute.storage(in[0]);
    Object y = Compute.newStorage(in[0].dtype(), out.size());
    Compute.copyRuns(x, rowIn, 0, y, rowOut, start * inner, s.outerSize(a), rowIn);
    return Compute.wrapStorage(out, y);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Shape s = node.input(0).shape();
    int n = s.dim(s.normalizeAxis(axis, name()));
    return new Var[] {Ops.slice(g, axis, start, start + n)};
  }
}
