package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.ArrayOpsF32;
import org.vecgrad.kernel.ArrayOpsF64;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = log Σ_axis exp(x)}, computed stably as {@code m + log Σ exp(x − m)} with {@code m =
 * max_axis x}. With {@code p = softmax_axis(x) = exp(x − y)}: JVP {@code ẏ = Σ_axis p⊙ẋ}; VJP
 * {@code x̄ = p⊙broadcast(ȳ)}.
 */
public final class LogSumExp implements Op {
  private final int axis;
  private final boolean keepDims;

  /** Reduces {@code axis} (negative counts from the end). */
  public LogSumExp(int axis, boolean keepDims) {
    this.axis = axis;
    this.keepDims = keepDims;
  }

  @Override
  public String name() {
    return "logSumExp";
  }

  @Override
  public String label() {
    return "logSumExp(axis=" + axis + (keepDims ? ", keep" : "") + ")";
  }

  @Override
  public String rule() {
    return "ȳ·softmax(x)";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    int a = in[0].normalizeAxis(axis, name());
    if (in[0].dim(a) == 0) {
      throw new IllegalArgumentException(
          "logSumExp: axis " + axis + " of shape " + in[0] + " is empty");
    }
    return in[0].reduce(a, keepDims);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    int a = s.normalizeAxis(axis, name());
    int outer = s.outerSize(a);
    int len = s.dim(a);
    int inner = s.innerSize(a);
    Shape out = s.reduce(a, keepDims);
    return in[0].dtype() == DType.F32
        ? Tensor.wrap(out, ArrayOpsF32.logSumExp(in[0].readF32(), outer, len, inner))
        : Tensor.wrap(out, ArrayOpsF64.logSumExp(in[0].readF64(), outer, len, inner));
  }

  private Var softmax(Node node) {
    Var x = node.input(0);
    Shape kept = x.shape().reduce(x.shape().normalizeAxis(axis, name()), true);
    return Ops.exp(Ops.sub(x, Ops.reshape(node.output(), kept)));
  }

  @Override
  public Var jvp(Node node, Var[] t) {
    return Ops.sum(Ops.mul(softmax(node), t[0]), axis, keepDims);
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var x = node.input(0);
    Shape kept = x.shape().reduce(x.shape().normalizeAxis(axis, name()), true);
    return new Var[] {Ops.mul(softmax(node), Ops.reshape(g, kept))};
  }
}
