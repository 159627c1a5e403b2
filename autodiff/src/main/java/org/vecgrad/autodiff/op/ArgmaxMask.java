package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Reduce;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code M = onehot(argmax_axis x)}: 1 at the first maximum along the axis, 0 elsewhere; the
 * selector in max's derivative. Piecewise constant: JVP {@code Ṁ = 0}, VJP {@code x̄ = 0}.
 */
public final class ArgmaxMask implements Op {
  private final int axis;

  /** Mask of the maximum along {@code axis}. */
  public ArgmaxMask(int axis) {
    this.axis = axis;
  }

  @Override
  public String name() {
    return "argmaxMask";
  }

  @Override
  public String label() {
    return "argmaxMask(axis=" + axis + ")";
  }

  @Override
  public String rule() {
    return "0";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 1);
    in[0].normalizeAxis(axis, name());
    return in[0];
  }

  @Override
  public Tensor forward(Tensor... in) {
    Shape s = in[0].shape();
    int a = s.normalizeAxis(axis, name());
    int outer = s.outerSize(a);
    int len = s.dim(a);
    int inner = s.innerSize(a);
    int[] arg = new int[outer * inner];
    if (in[0].dtype() == DType.F32) {
      Reduce.argmaxAxis(in[0].readF32(), outer, len, inner, arg);
    } else {
      Reduce.argmaxAxis(in[0].readF64(), outer, len, inner, arg);
    }
    float[] mf = in[0].dtype() == DType.F32 ? new float[s.size()] : null;
    double[] md = mf == null ? new double[s.size()] : null;
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        if (len > 0) {
          int at = (o * len + arg[o * inner + i]) * inner + i;
          if (mf != null) {
            mf[at] = 1;
          } else {
            md[at] = 1;
          }
        }
      }
    }
    return mf != null ? Tensor.wrap(s, mf) : Tensor.wrap(s, md);
  }

  @Override
  public Var jvp(Node node, Var[] tangents) {
    return null;
  }

  @Override
  public Var[] vjp(Node node, Var gOut, boolean[] wanted) {
    return new Var[1];
  }
}
