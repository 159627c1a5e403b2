package org.vecgrad.check;

import java.util.function.BiFunction;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tangents;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * The second directional derivative {@code D²f(x)[v, v]} (shaped like f's output) that the
 * second-order {@link TaylorTest} subtracts: {@code E2(h) = ‖f(x+hv) − f(x) − h·Jv − ½h²·D²f[v, v]‖
 * = O(h³)}. For a scalar f it is {@code vᵀHv}, so the test validates a Hessian-vector product (or a
 * Gauss-Newton product where it equals the Hessian).
 */
@FunctionalInterface
public interface SecondDerivative {
  /** {@code D²f(x)[v, v]}; v has a block per input (null where not differentiated). */
  Tensor at(Tensor[] x, Tensor[] v);

  /**
   * Forward-over-forward through the tape: a forward sweep recorded on the tape gives {@code J(x)v}
   * as a function of x, and a second forward sweep differentiates it along v. Works for any output
   * shape; the default.
   */
  static SecondDerivative forwardOverForward(TapeFunction f) {
    return (x, v) -> {
      boolean[] wrt = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        wrt[i] = v[i] != null;
      }
      try (Recorded rec = Recorded.of(f, x, wrt)) {
        var first = rec.tape.forward().createGraph();
        var second = rec.tape.forward();
        for (int i = 0; i < x.length; i++) {
          if (wrt[i]) {
            first.tangent(rec.inputs[i], v[i].cast(x[i].dtype()));
            second.tangent(rec.inputs[i], v[i].cast(x[i].dtype()));
          }
        }
        if (rec.output.tape() != rec.tape || !rec.output.isTracked()) {
          return Tensor.zeros(rec.output.shape(), rec.output.dtype());
        }
        Var jv = first.run().var(rec.output);
        if (jv.tape() != rec.tape || !jv.isTracked()) {
          return Tensor.zeros(rec.output.shape(), rec.output.dtype());
        }
        Tangents t = second.run();
        return t.of(jv);
      }
    };
  }

  /**
   * Reverse-over-reverse for a scalar f: the gradient is recorded ({@code createGraph}) and {@code
   * vᵀHv = ⟨v, ∇⟨∇f, v⟩⟩}, the exact Hessian-vector product of the tape.
   */
  static SecondDerivative reverseOverReverse(TapeFunction f) {
    return (x, v) -> {
      boolean[] wrt = new boolean[x.length];
      for (int i = 0; i < x.length; i++) {
        wrt[i] = v[i] != null;
      }
      try (Recorded rec = Recorded.of(f, x, wrt)) {
        Var[] xs = java.util.Arrays.stream(rec.inputs).filter(Var::isTracked).toArray(Var[]::new);
        Gradients g = rec.tape.backward(rec.output).wrt(xs).createGraph().run();
        Var gv = null;
        for (int i = 0; i < x.length; i++) {
          if (wrt[i]) {
            Var term = Ops.dot(g.var(rec.inputs[i]), Var.constant(v[i].cast(x[i].dtype())));
            gv = gv == null ? term : Ops.add(gv, term);
          }
        }
        if (gv == null || gv.tape() != rec.tape || !gv.isTracked()) {
          return Tensor.zeros(rec.output.shape(), rec.output.dtype());
        }
        Gradients h = rec.tape.grad(gv, xs);
        double vhv = 0;
        for (int i = 0; i < x.length; i++) {
          if (wrt[i]) {
            vhv += Vectors.dot(h.of(rec.inputs[i]), v[i]);
          }
        }
        return Tensor.full(rec.output.shape(), vhv, rec.output.dtype());
      }
    };
  }

  /**
   * From a user's Hessian-vector (or Gauss-Newton) product of a scalar function of one input:
   * {@code vᵀ(Hv)}.
   */
  static SecondDerivative ofProduct(BiFunction<Tensor, Tensor, Tensor> hessianTimes) {
    return (x, v) -> Tensor.scalar(Vectors.dot(v[0], hessianTimes.apply(x[0], v[0])));
  }
}
