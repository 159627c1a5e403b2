package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.square;
import static org.vecgrad.autodiff.Ops.squaredError;
import static org.vecgrad.autodiff.Ops.tanh;

import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.viz.GraphModel;

/** The expressions the teaching pictures show, recorded and swept (adjoints of every node kept). */
final class PictureExamples {
  private PictureExamples() {}

  /** Strang's F = x²(x+y) at (2, 3): F = 20, ∂F/∂x = 24, ∂F/∂y = 4. */
  static GraphModel strang(Tape tape) {
    Var x = tape.variable("x", 2);
    Var y = tape.variable("y", 3);
    Var f = mul(square(x), add(x, y)).named("F");
    Gradients g = tape.backward(f).keepAll().run();
    return GraphModel.of(tape, f, g);
  }

  /**
   * A 2-3-1 MLP on a batch of two samples, {@code L = ½‖tanh(X·W1 + b1)·W2 + b2 − T‖²}, with each
   * layer recorded in its own scope. Parameters are seeded normals rounded to one decimal so the
   * numbers in the picture stay readable.
   */
  static GraphModel mlp(Tape tape, long seed) {
    Var xs = tape.constant("X", Tensor.of(new double[][] {{1, 2}, {-1, 0.5}}));
    Var h;
    try (Tape.Pause s = tape.scope("layer1")) {
      Var w1 = tape.variable("W1", rounded(Shape.of(2, 3), seed));
      Var b1 = tape.variable("b1", rounded(Shape.of(1, 3), seed + 1));
      h = tanh(add(matmul(xs, w1), b1)).named("h");
    }
    Var out;
    try (Tape.Pause s = tape.scope("layer2")) {
      Var w2 = tape.variable("W2", rounded(Shape.of(3, 1), seed + 2));
      Var b2 = tape.variable("b2", rounded(Shape.of(1, 1), seed + 3));
      out = add(matmul(h, w2), b2).named("out");
    }
    Var loss;
    try (Tape.Pause s = tape.scope("loss")) {
      Var t = tape.constant("T", Tensor.of(new double[][] {{1}, {-1}}));
      loss = squaredError(out, t).named("L");
    }
    Gradients g = tape.backward(loss).keepAll().run();
    return GraphModel.of(tape, loss, g);
  }

  private static Tensor rounded(Shape shape, long seed) {
    double[] v = Tensor.randn(shape, seed).toDoubleArray();
    for (int i = 0; i < v.length; i++) {
      v[i] = Math.round(v[i] * 10) / 10.0;
    }
    return Tensor.of(shape, v);
  }
}
