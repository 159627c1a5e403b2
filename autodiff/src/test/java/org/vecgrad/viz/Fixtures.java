package org.vecgrad.viz;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.matmul;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.square;
import static org.vecgrad.autodiff.Ops.squaredError;
import static org.vecgrad.autodiff.Ops.tanh;

import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Recorded expressions the picture tests draw. */
final class Fixtures {
  private Fixtures() {}

  /** Strang's F = x²(x+y) at (2, 3), swept with every adjoint kept. */
  static GraphModel strang(Tape tape) {
    Var x = tape.variable("x", 2);
    Var y = tape.variable("y", 3);
    Var f = mul(square(x), add(x, y)).named("F");
    return GraphModel.of(tape, f, tape.backward(f).keepAll().run());
  }

  /** A 2-3-1 MLP on two samples with layers in scopes "layer1", "layer2" and a "loss" scope. */
  static GraphModel mlp(Tape tape, long seed) {
    Var xs = tape.constant("X", Tensor.randn(Shape.of(2, 2), seed));
    Var h;
    try (Tape.Pause s = tape.scope("layer1")) {
      Var w1 = tape.variable("W1", Tensor.randn(Shape.of(2, 3), seed + 1));
      Var b1 = tape.variable("b1", Tensor.randn(Shape.of(1, 3), seed + 2));
      h = tanh(add(matmul(xs, w1), b1)).named("h");
    }
    Var out;
    try (Tape.Pause s = tape.scope("layer2")) {
      Var w2 = tape.variable("W2", Tensor.randn(Shape.of(3, 1), seed + 3));
      Var b2 = tape.variable("b2", Tensor.randn(Shape.of(1, 1), seed + 4));
      out = add(matmul(h, w2), b2);
    }
    Var loss;
    try (Tape.Pause s = tape.scope("loss")) {
      loss = squaredError(out, tape.constant("T", Tensor.of(new double[][] {{1}, {-1}})));
    }
    return GraphModel.of(tape, loss.named("L"), tape.backward(loss).keepAll().run());
  }
}
