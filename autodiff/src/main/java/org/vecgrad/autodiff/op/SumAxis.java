package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Reduce;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * {@code y = Σ_axis x}, optionally keeping the axis as size 1. Linear. JVP: {@code ẏ = Σ_axis ẋ}.
 * VJP: {@code x̄ = broadcastTo(ȳ with the axis restored, shape x)}.
 */
public final class SumAxis implements LinearOp {
  private final int axis;
  private final boolean keepDims;

  /** Sums over {@code axis} (negative counts from the end). */
  public SumAxis(int axis, boolean keepDims) {
    this.axis = axis;
    this.keepDims = keepDims;
  }

  @Override
  public String name() {
    return "sumAxis";
  }

  @Override
  public String label() {
    return "sum(axis=" + axis + (keepDims ? ", keep" : "") + ")";
  }

  @Override
  public String rule() {
    return "broadcast(ȳ)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    return in[0].reduce(in[0].normalizeAxis(axis, name()), keepDims);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    int a = s.normalizeAxis(axis, name());
    if (in[0].dtype() == DType.F32) {
      float[] out = Workspace.newF32(s.outerSize(a) * s.innerSize(a));
      Reduce.sumAxis(in[0].readF32(), s.outerSize(a), s.dim(a), s.innerSize(a), out);
      return Tensor.wrap(s.reduce(a, keepDims), out);
    }
    double[] out = Workspace.newF64(s.outerSize(a) * s.innerSize(a));
    Reduce.sumAxis(in[0].readF64(), s.outerSize(a), s.dim(a), s.innerSize(a), out);
    return Tensor.wrap(s.reduce(a, keepDims), out);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Shape x = node.input(0).shape();
    Shape kept = x.reduce(x.normalizeAxis(axis, name()), true);
    return new Var[] {Ops.broadcastTo(Ops.reshape(g, kept), x)};
  }
}
