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
 * <p>A size sweep ({@link #sweep}) checks that the cost per op stays flat from 10³ to 10⁶ ops.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java --add-modules
 * jdk.incubator.vector -cp bench/target/classes:$(cat bench/target/classpath.txt)
 * org.vecgrad.bench.ScalarChainBench [ops | sweep]}
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
    return measure(budget, ops, null);
  }

  /**
   * As {@link #measure(Harness.Budget, int)}, running {@code afterRound} after each timed round (a
   * reference's round, for paired rounds: {@link Harness#measurePaired}).
   */
  static Harness.Result measure(Harness.Budget budget, int ops, Runnable afterRound) {
    // at least 300 warm-up chains of 10⁴ ops: C2 takes that long to settle on the tape's code
    Harness.Budget b =
        new Harness.Budget(
            budget.warmupSeconds(),
            Math.max(budget.warmupCalls(), 3_000_000 / ops),
            budget.rounds(),
            budget.roundSeconds());
    return Harness.measurePaired(b, ops, afterRound, () -> Harness.sink = forwardBackward(ops))[0];
  }

  /**
   * Prints the median ns per op of a 10⁴-op chain ({@code [ops]} sets another length), then, unless
   * a length was given, the size sweep. {@code sweep} prints the sweep only.
   */
  public static void main(String[] args) {
    boolean sweepOnly = args.length > 0 && args[0].equals("sweep");
    if (!sweepOnly) {
      printMedian(args.length > 0 ? Integer.parseInt(args[0]) : 10_000);
    }
    if (args.length == 0 || sweepOnly) {
      Harness.sink = sweep();
    }
  }

  private static void printMedian(int ops) {
    Harness.Result r = measure(new Harness.Budget(0, 300, 51, 0), ops);
    System.out.printf(
        "scalar chain of %d ops, forward + backward: %.1f ns/op (median of %d; p10 %.1f, p90 %.1f)%n",
        ops, r.wallNs(), r.rounds(), r.p10Ns(), r.p90Ns());
    System.out.printf(
        "vs PyTorch 1.13 (6.5 µs/op, shared/bench/baselines.md): %.0f× faster; goal ≤ 100 ns/op: %s%n",
        Baselines.TORCH_SCALAR_CHAIN_NS_F64 / r.wallNs(), r.wallNs() <= 100 ? "met" : "missed");
  }

  /**
   * Linear growth: the median ns per op for chains of 10³ to 10⁶ ops, and the ratio of the largest
   * to the smallest. Flat means recording and sweeping cost the same per node however long the tape
   * (no quadratic step, no copying that grows with the tape). Each size runs about 10⁷ ops in all
   * (at least 7 runs). Next to the wall-clock median it prints the process CPU time per op over all
   * runs (every thread, so garbage collection included): on a machine shared with other jobs wall
   * time also counts waiting for a core, CPU time only the work.
   */
  static double sweep() {
    int[] sizes = {1_000, 10_000, 100_000, 1_000_000};
    double[] median = new double[sizes.length];
    double[] cpu = new double[sizes.length];
    double sink = 0;
    for (int s = 0; s < sizes.length; s++) {
      int ops = sizes[s];
      int reps = Math.max(7, Math.min(1001, 10_000_000 / ops)) | 1;
      double[] ns = new double[reps];
      sink += forwardBackward(ops); // one run to settle the heap at this size
      long cpu0 = processCpuNanos();
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        sink += forwardBackward(ops);
        ns[r] = (System.nanoTime() - t0) / (double) ops;
      }
      cpu[s] = (processCpuNanos() - cpu0) / ((double) ops * reps);
      Arrays.sort(ns);
      median[s] = ns[reps / 2];
      System.out.printf(
          "sweep: %,9d ops: %6.1f ns/op (median of %d; p10 %.1f, p90 %.1f); process CPU %.1f ns/op%n",
          ops, median[s], reps, ns[reps / 10], ns[reps * 9 / 10], cpu[s]);
    }
    int last = sizes.length - 1;
    System.out.printf(
        "sweep: 10⁶ / 10³ = %.2f wall (median), %.2f process CPU (flat is 1)%n",
        median[last] / median[0], cpu[last] / cpu[0]);
    return sink;
  }

  /** CPU time of the whole process (all threads), or -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
        : -1;
  }
}
