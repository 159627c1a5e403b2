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
 * {@code y = tr X = Σᵢ Xᵢᵢ} for a square matrix. Linear. JVP: {@code ẏ = tr Ẋ}. VJP: {@code X̄ =
 * ȳ·I}.
 */
public final class Trace implements LinearOp {
  /** The one instance. */
  public static final Trace INSTANCE = new Trace();

  private Trace() {}

  @Override
  public String name() {
    return "trace";
  }

  @Override
  public String rule() {
    return "ȳ·I";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    Compute.requireRank(name(), in[0], 2, "the operand");
    if (in[0].dim(0) != in[0].dim(1)) {
      throw new IllegalArgumentException("trace: matrix " + in[0] + " is not square");
    }
    return Shape.SCALAR;
  }

  @Override
  public Tensor forward(Tensor... in) {
    int n = in[0].shape().dim(0);
    return in[0].dtype() == DType.F32
        ? Tensor.wrap(Shape.SCALAR, new float[] {ArrayOpsF32.trace(in[0].readF32(), n)})
        : Tensor.scalar(ArrayOpsF64.trace(in[0].readF64(), n));
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    int n = node.input(0).shape().dim(0);
    Var eye = Var.constant(Tensor.eye(n).cast(g.dtype()));
    return new Var[] {Ops.mul(eye, g)};
  }
}
