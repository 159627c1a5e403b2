package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.square;

import java.io.PrintStream;
import java.util.Set;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

/**
 * {@code ./vecgrad backprop [--x 2 --y 3]}: Strang's example F = x²(x+y) and its two partial
 * derivatives by one reverse sweep (lecture 001).
 */
final class BackpropCommand implements Command {
  @Override
  public String name() {
    return "backprop";
  }

  @Override
  public String summary() {
    return "F = x²(x+y) and ∂F/∂x, ∂F/∂y by one reverse sweep (Strang, lecture 001)";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad backprop [--x 2] [--y 3]";
  }

  @Override
  public int run(Options options, PrintStream out) {
    options.requireOnly(name(), Set.of("x", "y"));
    double xv = options.getDouble("x", 2);
    double yv = options.getDouble("y", 3);
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", xv);
      Var y = tape.variable("y", yv);
      Var f = mul(square(x), add(x, y)).named("F");
      Gradients g = tape.grad(f, x, y);
      double dx = g.of(x).item();
      double dy = g.of(y).item();
      out.printf("F = x²(x+y) at x = %s, y = %s%n", fmt(xv), fmt(yv));
      out.printf("F     = %s%n", fmt(f.item()));
      out.printf("∂F/∂x = %s   (3x² + 2xy = %s)%n", fmt(dx), fmt(3 * xv * xv + 2 * xv * yv));
      out.printf("∂F/∂y = %s   (x² = %s)%n", fmt(dy), fmt(xv * xv));
      boolean ok =
          Math.abs(dx - (3 * xv * xv + 2 * xv * yv)) <= 1e-12 * Math.max(1, Math.abs(dx))
              && Math.abs(dy - xv * xv) <= 1e-12 * Math.max(1, Math.abs(dy));
      out.println(ok ? "matches the closed form" : "MISMATCH with the closed form");
      out.println("tape: " + tape.size() + " nodes");
      return ok ? 0 : 1;
    }
  }

  private static String fmt(double v) {
    return org.vecgrad.tensor.TensorFormat.number(v);
  }
}
