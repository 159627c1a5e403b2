package org.vecgrad.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Forward;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.Linear;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.Loss;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.loss.SquaredError;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The {@link TrainingStep} extension point has what a Gauss-Newton step needs, through public API
 * only: {@code G v = Jᵀ H_ℓ J v} from one recorded forward pass (a tangent sweep for {@code J v},
 * the loss's {@link Loss#hessianVectorProduct}, a reverse sweep for {@code Jᵀ}). Checked where the
 * answer is known: for a linear model under squared error, G is the exact Hessian of the loss.
 */
class GaussNewtonProductTest {
  private static final Batch BATCH =
      Synthetic.blobs(6, 3, 2, 1.0, 4).batch(new int[] {0, 1, 2, 3, 4, 5}, DType.F64);

  /** G v for the parameters of {@code model}, v given per parameter. */
  private static List<Tensor> gaussNewton(Module model, Loss loss, List<Tensor> v) {
    List<Parameter> ps = model.parameters();
    try (Tape tape = new Tape()) {
      Var out = model.call(tape, tape.constant("x", BATCH.x()));
      Var[] vars = ps.stream().map(p -> p.on(tape)).toArray(Var[]::new);
      Forward fwd = tape.forward();
      for (int i = 0; i < vars.length; i++) {
        fwd.tangent(vars[i], v.get(i));
      }
      Tensor jv = fwd.run().of(out);
      Tensor t = loss.encodeTargets(BATCH.oneHot());
      Tensor hjv = loss.hessianVectorProduct(out.value(), t, jv);
      Gradients g = tape.vjp(out, hjv, vars);
      return List.of(vars).stream().map(g::of).toList();
    }
  }

  private static List<Tensor> gradient(Module model, Loss loss) {
    List<Parameter> ps = model.parameters();
    try (Tape tape = new Tape()) {
      Var out = model.call(tape, tape.constant("x", BATCH.x()));
      Var l = loss.value(out, tape.constant("t", loss.encodeTargets(BATCH.oneHot())));
      Var[] vars = ps.stream().map(p -> p.on(tape)).toArray(Var[]::new);
      Gradients g = tape.grad(l, vars);
      return List.of(vars).stream().map(g::of).toList();
    }
  }

  private static void shift(Module model, List<Tensor> v, double eps) {
    List<Parameter> ps = model.parameters();
    for (int i = 0; i < ps.size(); i++) {
      ps.get(i)
          .set(
              Ops.add(Var.constant(ps.get(i).value()), Ops.scale(Var.constant(v.get(i)), eps))
                  .value());
    }
  }

  private static double dot(List<Tensor> a, List<Tensor> b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      double[] x = a.get(i).readF64();
      double[] y = b.get(i).readF64();
      for (int k = 0; k < x.length; k++) {
        s += x[k] * y[k];
      }
    }
    return s;
  }

  private static List<Tensor> direction(Module m, long seed) {
    return m.parameters().stream()
        .map(p -> Tensor.randn(p.value().shape(), seed + p.size()))
        .toList();
  }

  @Test
  void forALinearModelUnderSquaredErrorGaussNewtonIsTheHessian() {
    Linear model = new Linear(3, 2, 1);
    Loss loss = SquaredError.mean();
    List<Tensor> v = direction(model, 7);
    List<Tensor> gv = gaussNewton(model, loss, v);
    // the loss is quadratic in the parameters: a central difference of the gradient is exact
    double eps = 1e-3;
    shift(model, v, eps);
    List<Tensor> gPlus = gradient(model, loss);
    shift(model, v, -2 * eps);
    List<Tensor> gMinus = gradient(model, loss);
    for (int i = 0; i < gv.size(); i++) {
      Tensor fd =
          Ops.scale(Ops.sub(Var.constant(gPlus.get(i)), Var.constant(gMinus.get(i))), 1 / (2 * eps))
              .value();
      assertTrue(gv.get(i).allClose(fd, 1e-8, 1e-10), gv.get(i) + " vs " + fd);
    }
  }

  @Test
  void forAnMlpUnderCrossEntropyGaussNewtonIsSymmetricPositiveSemidefinite() {
    Mlp model = Mlp.builder(3, 4, 2).seed(2).build();
    Loss loss = new SoftmaxCrossEntropy();
    List<Tensor> u = direction(model, 1);
    List<Tensor> v = direction(model, 2);
    double uGv = dot(u, gaussNewton(model, loss, v));
    double vGu = dot(v, gaussNewton(model, loss, u));
    assertEquals(uGv, vGu, 1e-12 * Math.max(1, Math.abs(uGv)));
    assertTrue(dot(v, gaussNewton(model, loss, v)) >= 0);
  }
}
