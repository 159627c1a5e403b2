package org.vecgrad.bench;

import java.util.Arrays;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

/**
 * Tape overhead: a chain of scalar ops recorded and swept backwards, reported in ns per op.
 *
 * <p>The chain alternates {@code mul}, {@code add}, {@code tanh} and {@code scale} on scalars so
 * that almost all the time is the tape's own cost (recording, node objects, the reverse loop), not
 * arithmetic. The reference anchor is PyTorch's 6.5 µs per op (F64) on the reference machine
 * ({@code shared/bench/baselines.md}); the goal is at most 100 ns per op.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java --add-modules
 * jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.vecgrad.bench.ScalarChainBench [ops]}
 */
public final class ScalarChainBench {
  private static final double PYTORCH_NS_PER_OP = 6500;

  private ScalarChainBench() {}

  /** Records and differentiates the chain once; returns the gradient (kept live). */
  static double forwardBackward(int ops) {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", 0.3);
      Var c = Var.constant(0.999);
      Var y = x;
      for (int i = 0; i < ops; i += 4) {
        y = Ops.mul(y, c);
        y = Ops.add(y, x);
        y = Ops.tanh(y);
        y = Ops.scale(y, 0.5);
      }
      return tape.grad(y, x).of(x).item();
    }
  }

  /** Prints the median ns per op over repeated runs after a warm-up. */
  public static void main(String[] args) {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    double sink = 0;
    for (int i = 0; i < 300; i++) {
      sink += forwardBackward(ops);
    }
    int reps = 51;
    double[] ns = new double[reps];
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      sink += forwardBackward(ops);
      ns[r] = (System.nanoTime() - t0) / (double) ops;
    }
    Arrays.sort(ns);
    double median = ns[reps / 2];
    System.out.printf(
        "scalar chain of %d ops, forward + backward: %.1f ns/op (median of %d; p10 %.1f, p90 %.1f)%n",
        ops, median, reps, ns[reps / 10], ns[reps * 9 / 10]);
    System.out.printf(
        "vs PyTorch 1.13 (6.5 µs/op, shared/bench/baselines.md): %.0f× faster; goal ≤ 100 ns/op: %s%n",
        PYTORCH_NS_PER_OP / median, median <= 100 ? "met" : "missed");
    if (sink == 42) {
      System.out.println();
    }
  }
}
