package org.vecgrad.linop;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.tanh;

import java.util.SplittableRandom;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A seeded two-layer tanh MLP {@code y = tanh(X W1 + b1) W2 + b2} recorded on a fresh tape, with
 * one-hot targets: the small model of the curvature tests. {@link #lossAt} and {@link #gradientAt}
 * re-evaluate it on fresh tapes at other parameters (for finite differences and Taylor tests).
 */
final class SmallMlp implements AutoCloseable {
  final Tape tape = new Tape();
  final Tensor xValue;
  final Tensor onehot;
  final Var w1;
  final Var b1;
  final Var w2;
  final Var b2;
  final Var output;

  SmallMlp(int batch, int in, int hidden, int out, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    xValue = Tensor.randn(Shape.of(batch, in), rng);
    w1 = tape.variable("W1", scaled(Tensor.randn(Shape.of(in, hidden), rng), 1 / Math.sqrt(in)));
    b1 = tape.variable("b1", scaled(Tensor.randn(Shape.of(1, hidden), rng), 0.1));
    w2 =
        tape.variable(
            "W2", scaled(Tensor.randn(Shape.of(hidden, out), rng), 1 / Math.sqrt(hidden)));
    b2 = tape.variable("b2", scaled(Tensor.randn(Shape.of(1, out), rng), 0.1));
    output = record(tape, xValue, w1, b1, w2, b2).named("y");
    double[] t = new double[batch * out];
    for (int i = 0; i < batch; i++) {
      t[i * out + rng.nextInt(out)] = 1;
    }
    onehot = Tensor.of(Shape.of(batch, out), t);
  }

  static Var record(Tape tape, Tensor x, Var w1, Var b1, Var w2, Var b2) {
    Var h = tanh(add(matmul(tape.constant("X", x), w1), b1));
    return add(matmul(h, w2), b2);
  }

  Var[] params() {
    return new Var[] {w1, b1, w2, b2};
  }

  ParameterLayout layout() {
    return ParameterLayout.of(params());
  }

  Tensor point() {
    return layout().pack(w1.value(), b1.value(), w2.value(), b2.value());
  }

  /** The loss at packed parameters θ, on a fresh tape. */
  double lossAt(LossCurvature loss, Tensor theta) {
    try (Tape t = new Tape()) {
      Var[] p = variables(t, theta);
      return loss.record(record(t, xValue, p[0], p[1], p[2], p[3]), t.constant(onehot)).item();
    }
  }

  /** The packed gradient of the loss at θ, on a fresh tape. */
  Tensor gradientAt(LossCurvature loss, Tensor theta) {
    try (Tape t = new Tape()) {
      Var[] p = variables(t, theta);
      Var l = loss.record(record(t, xValue, p[0], p[1], p[2], p[3]), t.constant(onehot));
      Gradients g = t.grad(l, p);
      return layout().pack(g.of(p[0]), g.of(p[1]), g.of(p[2]), g.of(p[3]));
    }
  }

  private Var[] variables(Tape t, Tensor theta) {
    Tensor[] parts = layout().unpack(theta);
    Var[] p = new Var[parts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = t.variable(parts[i]);
    }
    return p;
  }

  static Tensor scaled(Tensor t, double c) {
    double[] d = t.toDoubleArray();
    for (int i = 0; i < d.length; i++) {
      d[i] *= c;
    }
    return Tensor.wrap(t.shape(), d);
  }

  @Override
  public void close() {
    tape.close();
  }
}
