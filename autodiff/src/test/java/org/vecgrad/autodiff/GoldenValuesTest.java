package org.vecgrad.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.div;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.neg;
import static org.vecgrad.autodiff.Ops.pow;
import static org.vecgrad.autodiff.Ops.relu;
import static org.vecgrad.autodiff.Ops.scale;
import static org.vecgrad.autodiff.Ops.square;
import static org.vecgrad.autodiff.Ops.sub;

import org.junit.jupiter.api.Test;

/** Teaching values from the lectures and from micrograd's README, computed by the tape. */
class GoldenValuesTest {

  @Test
  void strangCubic() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var y = tape.variable("y", 3);
      Var f = mul(square(x), add(x, y)); // F = x²(x+y)
      Gradients g = tape.grad(f, x, y);
      assertEquals(20, f.item(), 0);
      assertEquals(24, g.of(x).item(), 0); // 3x² + 2xy
      assertEquals(4, g.of(y).item(), 0); // x²
    }
  }

  @Test
  void microgradReadmeExpression() {
    try (Tape tape = new Tape()) {
      Var a = tape.variable("a", -4);
      Var b = tape.variable("b", 2);
      Var c = add(a, b);
      Var d = add(mul(a, b), pow(b, 3));
      c = add(c, add(c, 1));
      c = add(c, add(add(c, 1), neg(a)));
      d = add(d, add(scale(d, 2), relu(add(b, a))));
      d = add(d, add(scale(d, 3), relu(sub(b, a))));
      Var e = sub(c, d);
      Var f = square(e);
      Var g = scale(f, 0.5);
      g = add(g, div(10, f));
      Gradients grads = tape.grad(g, a, b);
      assertEquals(24.7041, g.item(), 1e-4);
      assertEquals(138.8338, grads.of(a).item(), 1e-4);
      assertEquals(645.5773, grads.of(b).item(), 1e-4);
    }
  }

  @Test
  void sweepTwiceGivesSameAnswer() {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 2);
      Var f = mul(square(x), x);
      assertEquals(12, tape.grad(f, x).of(x).item(), 0);
      assertEquals(12, tape.grad(f, x).of(x).item(), 0);
    }
  }

  @Test
  void hessianVectorProductOfQuadraticForm() {
    // f(x) = xᵀAx has Hessian A + Aᵀ
    org.vecgrad.tensor.Tensor aT =
        org.vecgrad.tensor.Tensor.of(new double[][] {{1, 2, 0}, {-1, 3, 4}, {0.5, 0, 2}});
    org.vecgrad.tensor.Tensor vT = org.vecgrad.tensor.Tensor.of(new double[][] {{1}, {-2}, {3}});
    try (Tape tape = new Tape()) {
      Var a = tape.constant("A", aT);
      Var x = tape.variable("x", org.vecgrad.tensor.Tensor.of(new double[][] {{0.3}, {-1}, {2}}));
      Var f = Ops.sum(Ops.matmul(x, Ops.matmul(a, x), true, false));
      Var gx = tape.backward(f).wrt(x).createGraph().run().var(x);
      Var gv = Ops.dot(gx, Var.constant(vT));
      org.vecgrad.tensor.Tensor hv = tape.grad(gv, x).of(x);
      double[] expected = {
        (1 + 1) * 1 + (2 - 1) * -2 + (0 + 0.5) * 3,
        (-1 + 2) * 1 + (3 + 3) * -2 + (4 + 0) * 3,
        (0.5 + 0) * 1 + (0 + 4) * -2 + (2 + 2) * 3
      };
      for (int i = 0; i < 3; i++) {
        assertEquals(expected[i], hv.at(i), 1e-12);
      }
    }
  }
}
