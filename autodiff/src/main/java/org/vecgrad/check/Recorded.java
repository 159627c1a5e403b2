package org.vecgrad.check;

import java.util.ArrayList;
import java.util.List;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tangents;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * A function recorded at one point: the tape, its inputs (variables where differentiated, constants
 * elsewhere) and its output, with the two sweeps the checks compare: {@code J·v} (forward sweep)
 * and {@code Jᵀ·u} (reverse sweep).
 */
final class Recorded implements AutoCloseable {
  final Tape tape;
  final Var[] inputs;
  final Var output;
  final boolean[] wrt;

  private Recorded(Tape tape, Var[] inputs, Var output, boolean[] wrt) {
    this.tape = tape;
    this.inputs = inputs;
    this.output = output;
    this.wrt = wrt;
  }

  static Recorded of(TapeFunction f, Tensor[] x, boolean[] wrt) {
    Tape tape = new Tape();
    Var[] in = new Var[x.length];
    for (int i = 0; i < x.length; i++) {
      in[i] = wrt[i] ? tape.variable("x" + i, x[i]) : tape.constant("x" + i, x[i]);
    }
    Var y;
    try {
      y = f.apply(in);
    } catch (RuntimeException e) {
      tape.close();
      throw e;
    }
    if (y == null) {
      tape.close();
      throw new IllegalArgumentException("check: the function under test returned null");
    }
    return new Recorded(tape, in, y, wrt);
  }

  /** f(x) without keeping the record. */
  static Tensor value(TapeFunction f, Tensor[] x, boolean[] wrt) {
    try (Recorded r = of(f, x, wrt)) {
      return r.output.value();
    }
  }

  Tensor value() {
    return output.value();
  }

  DType outputDtype() {
    return output.dtype();
  }

  /** The coarser of the dtypes of the differentiated inputs and the output. */
  DType checkDtype() {
    DType d = output.dtype();
    for (int i = 0; i < inputs.length; i++) {
      if (wrt[i]) {
        d = Tolerances.coarser(d, inputs[i].dtype());
      }
    }
    return d;
  }

  private boolean connected() {
    return output.tape() == tape && output.isTracked();
  }

  /** {@code J·v}: v has a block per input (null or ignored where not differentiated). */
  Tensor jvp(Tensor[] v) {
    if (!connected()) {
      return Tensor.zeros(output.shape(), output.dtype());
    }
    var fwd = tape.forward();
    boolean any = false;
    for (int i = 0; i < inputs.length; i++) {
      if (wrt[i] && v[i] != null) {
        fwd.tangent(inputs[i], v[i].cast(inputs[i].dtype()));
        any = true;
      }
    }
    if (!any) {
      return Tensor.zeros(output.shape(), output.dtype());
    }
    Tangents t = fwd.run();
    return t.of(output);
  }

  /**
   * {@code J·v} assembled from reverse sweeps, one per output element: {@code (Jv)ᵢ = ⟨Jᵀeᵢ, v⟩}.
   * It lets a Taylor test judge the VJP rules.
   */
  Tensor jvpByReverse(Tensor[] v) {
    int m = output.shape().size();
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      double[] e = new double[m];
      e[i] = 1;
      out[i] = Vectors.dot(vjp(Tensor.wrap(output.shape(), e, output.dtype())), v);
    }
    return Tensor.wrap(output.shape(), out, output.dtype());
  }

  /** {@code Jᵀ·u}: a block per input, null where not differentiated. */
  Tensor[] vjp(Tensor u) {
    Tensor[] out = new Tensor[inputs.length];
    List<Var> targets = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      if (wrt[i]) {
        targets.add(inputs[i]);
        out[i] = Tensor.zeros(inputs[i].shape(), inputs[i].dtype());
      }
    }
    if (!connected() || targets.isEmpty()) {
      return out;
    }
    Gradients g = tape.vjp(output, u.cast(output.dtype()), targets.toArray(new Var[0]));
    for (int i = 0; i < inputs.length; i++) {
      if (wrt[i]) {
        out[i] = g.of(inputs[i]);
      }
    }
    return out;
  }

  @Override
  public void close() {
    tape.close();
  }
}
