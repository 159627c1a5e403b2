package org.vecgrad.bench;

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

  /**
   * Times {@link #forwardBackward} on a chain of {@code ops} ops; the result is per op.
   *
   * @see Harness#measure(Harness.Budget, long, Runnable)
   */
  static Harness.Result measure(Harness.Budget budget, int ops) {
    // at least 300 warm-up chains of 10⁴ ops: C2 takes that long to settle on the tape's code
    Harness.Budget b =
        new Harness.Budget(
            budget.warmupSeconds(),
            Math.max(budget.warmupCalls(), 3_000_000 / ops),
            budget.rounds(),
            budget.roundSeconds());
    return Harness.measure(b, ops, () -> Harness.sink = forwardBackward(ops));
  }

  /** Prints the median ns per op over repeated runs after a warm-up. */
  public static void main(String[] args) {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Harness.Result r = measure(new Harness.Budget(0, 300, 51, 0), ops);
    System.out.printf(
        "scalar chain of %d ops, forward + backward: %.1f ns/op (median of %d; p10 %.1f, p90 %.1f)%n",
        ops, r.wallNs(), r.rounds(), r.p10Ns(), r.p90Ns());
    System.out.printf(
        "vs PyTorch 1.13 (6.5 µs/op, shared/bench/baselines.md): %.0f× faster; goal ≤ 100 ns/op: %s%n",
        Baselines.TORCH_SCALAR_CHAIN_NS_F64 / r.wallNs(), r.wallNs() <= 100 ? "met" : "missed");
  }
}
