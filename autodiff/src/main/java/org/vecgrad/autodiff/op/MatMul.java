package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.BilinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * {@code C = op(A)·op(B)} for matrices, where op transposes when asked. Bilinear. JVP: {@code Ċ =
 * op(Ȧ)·op(B) + op(A)·op(Ḃ)}. VJP for {@code C = A·B}: {@code Ā = C̄·Bᵀ}, {@code B̄ = Aᵀ·C̄}; the
 * transposed variants follow by transposing those, and each is itself one matmul call with
 * transpose flags, so no transposed copy is ever made.
 */
public final class MatMul implements BilinearOp {
  private static final MatMul[] VARIANTS = {
    new MatMul(false, false),
    new MatMul(false, true),
    new MatMul(true, false),
    new MatMul(true, true)
  };

  private final boolean transA;
  private final boolean transB;

  private MatMul(boolean transA, boolean transB) {
    this.transA = transA;
    this.transB = transB;
  }

  /** The variant computing {@code op(A)·op(B)}. */
  public static MatMul of(boolean transA, boolean transB) {
    return VARIANTS[(transA ? 2 : 0) + (transB ? 1 : 0)];
  }

  @Override
  public String name() {
    return "matmul";
  }

  @Override
  public String label() {
    if (!transA && !transB) {
      return "matmul";
    }
    return "matmul(" + (transA ? "Aᵀ" : "A") + "·" + (transB ? "Bᵀ" : "B") + ")";
  }

  @Override
  public String rule() {
    return "C̄·Bᵀ, Aᵀ·C̄";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 2);
    if (in[0].rank() != 2 || in[1].rank() != 2) {
      throw new IllegalArgumentException(
          "matmul: "
              + in[0]
              + " · "
              + in[1]
              + ": both operands must be matrices (rank 2); reshape vectors to [n, 1] or [1, n]");
    }
    int m = transA ? in[0].dim(1) : in[0].dim(0);
    int ka = transA ? in[0].dim(0) : in[0].dim(1);
    int kb = transB ? in[1].dim(1) : in[1].dim(0);
    int n = transB ? in[1].dim(0) : in[1].dim(1);
    if (ka != kb) {
      throw new IllegalArgumentException(
          label()
              + ": "
              + in[0]
              + (transA ? "ᵀ" : "")
              + " · "
              + in[1]
              + (transB ? "ᵀ" : "")
              + ": inner dimensions "
              + ka
              + " and "
              + kb
              + " differ");
    }
    return Shape.of(m, n);
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape out = shape(in[0].shape(), in[1].shape());
    int k = transA ? in[0].shape().dim(0) : in[0].shape().dim(1);
    int m = out.dim(0);
    int n = out.dim(1);
    if (in[0].dtype() == DType.F32 && in[1].dtype() == DType.F32) {
      float[] c = Workspace.newF32ForOverwrite(out.size());
      org.vecgrad.kernel.MatMul.gemm(transA, transB, m, n, k, in[0].readF32(), in[1].readF32(), c);
      return Tensor.wrap(out, c);
    }
    double[] c = Workspace.newF64ForOverwrite(out.size());
    org.vecgrad.kernel.MatMul.gemm(transA, transB, m, n, k, in[0].readF64(), in[1].readF64(), c);
    return Tensor.wrap(out, c, in[0].dtype());
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    Var a = node.input(0);
    Var b = node.input(1);
    Var ga = null;
    Var gb = null;
    if (!transA && !transB) { // C = A B
      ga = wanted[0] ? Ops.matmul(g, b, false, true) : null;
      gb = wanted[1] ? Ops.matmul(a, g, true, false) : null;
    } else if (transA && !transB) { // C = Aᵀ B
      ga = wanted[0] ? Ops.matmul(b, g, false, true) : null;
      gb = wanted[1] ? Ops.matmul(a, g, false, false) : null;
    } else if (!transA) { // C = A Bᵀ
      ga = wanted[0] ? Ops.matmul(g, b, false, false) : null;
      gb = wanted[1] ? Ops.matmul(g, a, true, false) : null;
    } else { // C = Aᵀ Bᵀ
      ga = wanted[0] ? Ops.matmul(b, g, true, true) : null;
      gb = wanted[1] ? Ops.matmul(g, a, true, true) : null;
    }
    return new Var[] {ga, gb};
  }
}
