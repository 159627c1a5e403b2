package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Reduce;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * {@code y = max_axis x}. With {@code M} the one-hot mask of the (first) maximum along the axis:
 * JVP {@code ẏ = Σ_axis M⊙ẋ}; VJP {@code x̄ = M⊙broadcast(ȳ)}. Not differentiable where the maximum
 * is tied.
 */
public final class MaxAxis implements Op {
  private final int axis;
  private final boolean keepDims;

  /** Maximum over {@code axis} (negative counts from the end). */
  public MaxAxis(int axis, boolean keepDims) {
    this.axis = axis;
    this.keepDims = keepDims;
  }

  @Override
  public String name() {
    return "max";
  }

  @Override
  public String label() {
    return "max(axis=" + axis + (keepDims ? ", keep" : "") + ")";
  }

  @Override
  public String rule() {
    return "ȳ·[x = max]";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    int a = in[0].normalizeAxis(axis, name());
    if (in[0].dim(a) == 0) {
      throw new IllegalArgumentException("max: axis " + axis + " of shape " + in[0] + " is empty");
    }
    return in[0].reduce(a, keepDims);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    int a = s.normalizeAxis(axis, name());
    if (in[0].dtype() == DType.F32) {
      float[] out = Workspace.newF32(s.outerSize(a) * s.innerSize(a));
      Reduce.maxAxis(in[0].readF32(), s.outerSize(a), s.dim(a), s.innerSize(a), out);
      return Tensor.wrap(s.reduce(a, keepDims), out);
    }
    double[] out = Workspace.newF64(s.outerSize(a) * s.innerSize(a));
    Reduce.maxAxis(in[0].readF64(), s.outerSize(a), s.dim(a), s.innerSize(a), out);
    return Tensor.wrap(s.reduce(a, keepDims), out);
  }

  @Override
  public Var jvp(Node node, Var[] t) {
    Var mask = Ops.argmaxMask(node.input(0), axis);
    return Ops.sum(Ops.mul(mask, t[0]), axis, keepDims);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var x = node.input(0);
    Shape kept = x.shape().reduce(x.shape().normalizeAxis(axis, name()), true);
    Var spread = Ops.broadcastTo(Ops.reshape(g, kept), x.shape());
    return new Var[] {Ops.mul(Ops.argmaxMask(x, axis), spread)};
  }
}
