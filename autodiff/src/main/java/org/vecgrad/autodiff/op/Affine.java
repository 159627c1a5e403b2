package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A dense layer's affine map {@code z = x·Wᵀ + b} as one op: {@code x} is {@code [batch, in]},
 * {@code W} is {@code [out, in]} and {@code b} is {@code [out]}, added to every row.
 *
 * <p>Fused because the bias is added in place into the freshly computed product: one pass and no
 * temporary, where matmul-then-add makes a second {@code [batch, out]} array.
 *
 * <p>JVP: {@code ż = ẋ·Wᵀ + x·Ẇᵀ + ḃ}. VJP: {@code x̄ = z̄·W}, {@code W̄ = z̄ᵀ·x}, {@code b̄ =
 * Σ_rows z̄}. The rules are recorded with matmul and sumTo, so they can be differentiated again.
 */
public final class Affine implements Op {
  /** The one instance. */
  public static final Affine INSTANCE = new Affine();

  private static final MatMul PRODUCT = MatMul.of(false, true);

  private Affine() {}

  @Override
  public String name() {
    return "affine";
  }

  @Override
  public String label() {
    return "x·Wᵀ + b";
  }

  @Override
  public String rule() {
    return "z̄·W, z̄ᵀ·x, Σ z̄";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 3);
    Shape x = in[0];
    Shape w = in[1];
    Shape b = in[2];
    if (x.rank() != 2 || w.rank() != 2 || b.rank() != 1) {
      throw bad(x, w, b, "needs x [batch, in], W [out, in] and b [out]");
    }
    if (x.dim(1) != w.dim(1) || b.dim(0) != w.dim(0)) {
      throw bad(x, w, b, "x's columns must equal W's columns (in) and b's length W's rows (out)");
    }
    return Shape.of(x.dim(0), w.dim(0));
  }

  private static IllegalArgumentException bad(Shape x, Shape w, Shape b, String rule) {
    return new IllegalArgumentException("affine: x " + x + ", W " + w + ", b " + b + ": " + rule);
  }

  @Override
  public Tensor forward(Tensor... in) {
    shape(in[0].shape(), in[1].shape(), in[2].shape());
    Tensor z = PRODUCT.forward(in[0], in[1]);
    return addToRows(z, in[2]);
  }

  /** {@code z + b} on every row, written into {@code z}'s fresh storage. */
  private static Tensor addToRows(Tensor z, Tensor b) {
    // z was made just now by the product and nobody else holds it: adding in place is safe
    int n = b.size();
    if (z.dtype() == DType.F64) {
      double[] c = z.readF64();
      for (int row = 0; row < c.length; row += n) {
        BinaryKernels.ADD.vv(c, row, b.readF64(), 0, c, row, n);
      }
    } else {
      float[] c = z.readF32();
      for (int row = 0; row < c.length; row += n) {
        BinaryKernels.ADD.vv(c, row, b.readF32(), 0, c, row, n);
      }
    }
    return z;
  }

  @Override
  public Var jvp(Node node, Var[] t) {
    Var x = node.input(0);
    Var w = node.input(1);
    Var sum = t[0] == null ? null : Ops.matmul(t[0], w, false, true);
    if (t[1] != null) {
      Var term = Ops.matmul(x, t[1], false, true);
      sum = sum == null ? term : Ops.add(sum, term);
    }
    if (t[2] != null) {
      sum = sum == null ? Ops.broadcastTo(t[2], node.output().shape()) : Ops.add(sum, t[2]);
    }
    return sum;
  }

  @Override
  public Var[] vjp(Node node, Var zBar, boolean[] wanted) {
    Var x = node.input(0);
    Var w = node.input(1);
    return new Var[] {
      wanted[0] ? Ops.matmul(zBar, w) : null,
      wanted[1] ? Ops.matmul(zBar, x, true, false) : null,
      wanted[2] ? Ops.sumTo(zBar, node.input(2).shape()) : null
    };
  }
}
