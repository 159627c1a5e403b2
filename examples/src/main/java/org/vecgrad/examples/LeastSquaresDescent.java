package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.scale;
import static org.vecgrad.autodiff.Ops.squaredError;

import java.util.SplittableRandom;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Lecture 001's descent methods on a least-squares loss {@code L(x) = ½‖Ax − b‖²/n}: full gradient
 * descent, stochastic gradient descent on one sample at a time, and gradient descent with momentum
 * (heavy ball: {@code x_{k+1} = x_k − s∇L(x_k) + β(x_k − x_{k−1})}). Every gradient comes from the
 * tape.
 */
final class LeastSquaresDescent {
  final Tensor a;
  final Tensor b;
  final int n;

  /** A seeded, moderately ill-conditioned problem with n samples and d unknowns. */
  LeastSquaresDescent(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] data = Tensor.randn(Shape.of(n, d), rng).toDoubleArray();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        data[i * d + j] *= Math.pow(0.8, j); // column scales 1 … 0.8^(d−1): condition number grows
      }
    }
    this.a = Tensor.of(Shape.of(n, d), data);
    Tensor xTrue = Tensor.randn(Shape.of(d, 1), rng);
    Tensor noise = Tensor.randn(Shape.of(n, 1), rng);
    this.b =
        Ops.add(matmul(Var.constant(a), Var.constant(xTrue)), scale(Var.constant(noise), 0.1))
            .value();
    this.n = n;
  }

  /** {@code L(x)}, and its gradient when {@code grad} is given an array to fill. */
  double loss(Tensor x, Tensor rowsA, Tensor rowsB, double[] grad) {
    try (Tape tape = new Tape()) {
      Var xv = tape.variable("x", x);
      Var l =
          scale(
              squaredError(matmul(Var.constant(rowsA), xv), Var.constant(rowsB)),
              1.0 / rowsA.shape().dim(0));
      if (grad != null) {
        System.arraycopy(tape.grad(l, xv).of(xv).toDoubleArray(), 0, grad, 0, grad.length);
      }
      return l.item();
    }
  }

  /** Full-batch loss. */
  double loss(Tensor x) {
    return loss(x, a, b, null);
  }

  /** The largest eigenvalue of AᵀA/n (the gradient's Lipschitz constant), by power iteration. */
  double lipschitz() {
    Var av = Var.constant(a);
    Tensor v = Tensor.ones(Shape.of(a.shape().dim(1), 1));
    double lambda = 0;
    for (int i = 0; i < 500; i++) {
      Tensor w = matmul(av, matmul(av, Var.constant(v)), true, false).value();
      lambda = w.norm() / v.norm() / n;
      v = scale(Var.constant(w), 1 / w.norm()).value();
    }
    return lambda;
  }

  /** Loss after each of {@code iters} full-gradient steps (momentum β = 0 is plain GD). */
  double[] gradientDescent(double step, double beta, int iters) {
    int d = a.shape().dim(1);
    double[] x = new double[d];
    double[] prev = new double[d];
    double[] g = new double[d];
    double[] losses = new double[iters + 1];
    for (int k = 0; k <= iters; k++) {
      losses[k] = loss(Tensor.of(Shape.of(d, 1), x), a, b, g);
      if (k == iters) {
        break;
      }
      for (int j = 0; j < d; j++) {
        double next = x[j] - step * g[j] + beta * (x[j] - prev[j]);
        prev[j] = x[j];
        x[j] = next;
      }
    }
    return losses;
  }

  /**
   * Stochastic descent, one random sample per step with a decaying step {@code s/(1 + k/n)}; the
   * full loss is recorded after every pass over the data (n steps).
   */
  double[] stochastic(double step, int epochs, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int d = a.shape().dim(1);
    double[] x = new double[d];
    double[] g = new double[d];
    double[] losses = new double[epochs + 1];
    losses[0] = loss(Tensor.of(Shape.of(d, 1), x));
    for (int e = 1; e <= epochs; e++) {
      for (int t = 0; t < n; t++) {
        int i = rng.nextInt(n);
        Tensor rowA = Ops.slice(Var.constant(a), 0, i, i + 1).value();
        Tensor rowB = Ops.slice(Var.constant(b), 0, i, i + 1).value();
        loss(Tensor.of(Shape.of(d, 1), x), rowA, rowB, g);
        double s = step / (1 + (double) ((e - 1) * n + t) / n);
        for (int j = 0; j < d; j++) {
          x[j] -= s * g[j];
        }
      }
      losses[e] = loss(Tensor.of(Shape.of(d, 1), x));
    }
    return losses;
  }

  /** The least-squares optimum loss, by the normal equations (EJML). */
  double optimum() {
    org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(a.shape().dim(1), 1);
    org.ejml.dense.row.CommonOps_DDRM.solve(Linalg.toEjml(a), Linalg.toEjml(b), x);
    return loss(Linalg.fromEjml(x));
  }
}
