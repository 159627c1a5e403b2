package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.LinearOp;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
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
    if (in[0].dtype() == DType.F32) {
      float[] x = in[0].readF32();
      float[] y = new float[x.length];
      for (int i0 = 0; i0 < r; i0 += BLOCK) {
        for (int j0 = 0; j0 < c; j0 += BLOCK) {
          for (int i = i0; i < Math.min(r, i0 + BLOCK); i++) {
            for (int j = j0; j < Math.min(c, j0 + BLOCK); j++) {
              y[j * r + i] = x[i * c + j];
            }
          }
        }
      }
      return Tensor.wrap(Shape.of(c, r), y);
    }
    double[] x = in[0].readF64();
    double[] y = new double[x.length];
    for (int i0 = 0; i0 < r; i0 += BLOCK) {
      for (int j0 = 0; j0 < c; j0 += BLOCK) {
        for (int i = i0; i < Math.min(r, i0 + BLOCK); i++) {
          for (int j = j0; j < Math.min(c, j0 + BLOCK); j++) {
            y[j * r + i] = x[i * c + j];
          }
        }
      }
    }
    return Tensor.wrap(Shape.of(c, r), y);
  }

  /** Tile edge: blocked so that both the reads and the writes stay in cache lines. */
  private static final int BLOCK = 32;

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {Ops.transpose(g)};
  }
}
