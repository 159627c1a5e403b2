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

/** {@code Y = Xᵀ} for a matrix. Linear. JVP: {@code Ẏ = Ẋᵀ}. VJP: {@code X̄ = Ȳᵀ}. */
public final class Transpose implements LinearOp {
  /** The one instance. */
  public static final Transpose INSTANCE = new Transpose();

  private Transpose() {}

  @Override
  public String name() {
    return "transpose";
  }

  @Override
  public String rule() {
    return "ȳᵀ";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    Compute.requireRank(name(), in[0], 2, "the operand");
    return Shape.of(in[0].dim(1), in[0].dim(0));
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    int r = s.dim(0);
    int c = s.dim(1);
    Shape t = Shape.of(c, r);
    return in[0].dtype() == DType.F32
        ? Tensor.wrap(t, ArrayOpsF32.transpose(in[0].readF32(), r, c))
        : Tensor.wrap(t, ArrayOpsF64.transpose(in[0].readF64(), r, c));
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.transpose(g)};
  }
}
