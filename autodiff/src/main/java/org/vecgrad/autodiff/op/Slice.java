package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = x[…, start:end, …]} along one axis. Linear. JVP: {@code ẏ = slice(ẋ)}. VJP: {@code x̄
 * = embed(ȳ)}, ȳ placed at {@code start} in zeros shaped like x.
 */
public final class Slice implements LinearOp {
  private final int axis;
  private final int start;
  private final int end;

  /** Elements {@code [start, end)} along {@code axis}. */
  public Slice(int axis, int start, int end) {
    this.axis = axis;
    this.start = start;
    this.end = end;
  }

  @Override
  public String name() {
    return "slice";
  }

  @Override
  public String label() {
    return "slice(axis=" + axis + ", " + start + ":" + end + ")";
  }

  @Override
  public String rule() {
    return "embed(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    int a = in[0].normalizeAxis(axis, name());
    if (start < 0 || end < start || end > in[0].dim(a)) {
      throw new IllegalArgumentException(
          "slice: range ["
              + start
              + ", "
              + end
              + ") is not within axis "
              + axis
              + " of shape "
              + in[0]
              + " (size "
              + in[0].dim(a)
              + ")");
    }
    int[] d = in[0].dims();
    d[a] = end - start;
    return Shape.of(d);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    Shape out = shape(s);
    int a = s.normalizeAxis(axis, name());
    int inner = s.innerSize(a);
    int rowIn = s.dim(a) * inner;
    int rowOut = (end - start) * inner;
    Object x = Compute.storage(in[0]);
    Object y = Compute.newStorage(in[0].dtype(), out.size());
    Compute.copyRuns(x, rowIn, start * inner, y, rowOut, 0, s.outerSize(a), rowOut);
    return Compute.wrapStorage(out, y);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Shape s = node.input(0).shape();
    return new Var[] {Ops.embed(g, axis, start, s.dim(s.normalizeAxis(axis, name())))};
  }
}
