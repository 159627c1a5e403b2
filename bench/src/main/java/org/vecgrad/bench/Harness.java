package org.vecgrad.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The one measurement loop of the plain (non-JMH) benchmarks and of {@code ./vecgrad bench}:
 * warm-up, then repeated timed rounds, reporting medians.
 *
 * <p>Several bodies given to one {@link #measure} call are timed <em>interleaved</em>: each round
 * times every body once, in turn. A body and the reference it is compared with then see the same
 * machine load, which keeps their ratio meaningful on a machine shared with other work.
 *
 * <p>Each round calls a body a fixed number of times, calibrated during its warm-up so that one
 * round lasts about {@link Budget#roundSeconds}. Per round it records the wall time, the CPU time
 * of the calling thread and the bytes the calling thread allocated ({@code
 * com.sun.management.ThreadMXBean}); work done on other threads (a parallel kernel's helpers) is in
 * the wall time only.
 */
public final class Harness {
  private Harness() {}

  /**
   * How long to measure.
   *
   * @param warmupSeconds minimum warm-up time per body (JIT compilation), in CPU time of the
   *     calling thread
   * @param warmupCalls minimum number of warm-up calls per body
   * @param rounds timed rounds (the median is over these)
   * @param roundSeconds minimum time of one round of one body; 0 means one call per round
   */
  public record Budget(double warmupSeconds, int warmupCalls, int rounds, double roundSeconds) {
    /** Validates the numbers. */
    public Budget {
      if (warmupSeconds < 0 || warmupCalls < 0 || rounds < 1 || roundSeconds < 0) {
        throw new IllegalArgumentException("Harness.Budget: invalid " + this);
      }
    }

    /** Short runs, for tests and a first look: about half a second per body on an idle machine. */
    public static Budget quick() {
      return new Budget(0.3, 3, 5, 0.03);
    }

    /** The default of {@code ./vecgrad bench}: about 3.5 s per body on an idle machine. */
    public static Budget full() {
      return new Budget(1.5, 5, 9, 0.2);
    }

    /** This budget with at most {@code n} rounds (for slow bodies). */
    public Budget withRounds(int n) {
      return new Budget(warmupSeconds, warmupCalls, n, roundSeconds);
    }
  }

  /**
   * The medians of one body, per operation ({@code opsPerCall} operations per call).
   *
   * @param wallNs median wall time per operation, ns
   * @param p10Ns 10th percentile of the wall time per operation, ns
   * @param p90Ns 90th percentile of the wall time per operation, ns
   * @param cpuNs median CPU time of the calling thread per operation, ns
   * @param bytes median bytes allocated by the calling thread per operation
   * @param rounds the number of rounds
   * @param callsPerRound calls per round
   */
  public record Result(
      double wallNs,
      double p10Ns,
      double p90Ns,
      double cpuNs,
      double bytes,
      int rounds,
      int callsPerRound) {
    /** Wall-time operations per second. */
    public double perSecond() {
      return 1e9 / wallNs;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "median %s (p10 %s, p90 %s), cpu %s, %s allocated; %d rounds × %d calls",
          formatTime(wallNs),
          formatTime(p10Ns),
          formatTime(p90Ns),
          formatTime(cpuNs),
          formatBytes(bytes),
          rounds,
          callsPerRound);
    }
  }

  /** A volatile sink: bodies that compute a value can store it here so nothing folds away. */
  public static volatile Object sink;

  /**
   * Warms up and times the bodies, interleaved round by round.
   *
   * @param opsPerCall operations per call of each body (the results are per operation)
   * @return one result per body, in order
   */
  public static Result[] measure(Budget budget, long opsPerCall, Runnable... bodies) {
    return measurePaired(budget, opsPerCall, null, bodies);
  }

  /**
   * As {@link #measure(Budget, long, Runnable...)}, running {@code afterRound} once after each
   * timed round of the bodies, outside their timings and not during the warm-up. A reference timed
   * by its own means in those gaps (PyTorch's rounds, in another process) then sees the same
   * minutes of the machine as each round of the bodies: paired rounds, whose ratio a host that
   * speeds up and slows down by the minute moves far less than that of two runs one after the
   * other.
   *
   * @param afterRound run after each round, or null for none
   */
  public static Result[] measurePaired(
      Budget budget, long opsPerCall, Runnable afterRound, Runnable... bodies) {
    int[] calls = new int[bodies.length];
    for (int b = 0; b < bodies.length; b++) {
      calls[b] = warmUp(budget, bodies[b]);
    }
    int rounds = budget.rounds();
    double[][] wall = new double[bodies.length][rounds];
    double[][] cpu = new double[bodies.length][rounds];
    double[][] bytes = new double[bodies.length][rounds];
    com.sun.management.ThreadMXBean threads = threadBean();
    long id = Thread.currentThread().getId();
    for (int r = 0; r < rounds; r++) {
      for (int b = 0; b < bodies.length; b++) {
        Runnable body = bodies[b];
        int n = calls[b];
        long bytes0 = threads.getThreadAllocatedBytes(id);
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int c = 0; c < n; c++) {
          body.run();
        }
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        long bytes1 = threads.getThreadAllocatedBytes(id);
        double ops = (double) n * opsPerCall;
        wall[b][r] = (t1 - t0) / ops;
        cpu[b][r] = (cpu1 - cpu0) / ops;
        bytes[b][r] = (bytes1 - bytes0) / ops;
      }
      if (afterRound != null) {
        afterRound.run();
      }
    }
    Result[] results = new Result[bodies.length];
    for (int b = 0; b < bodies.length; b++) {
      double[] w = wall[b].clone();
      Arrays.sort(w);
      results[b] =
          new Result(
              median(wall[b]),
              w[(rounds - 1) / 10],
              w[rounds - 1 - (rounds - 1) / 10],
              median(cpu[b]),
              median(bytes[b]),
              rounds,
              calls[b]);
    }
    return results;
  }

  /** {@link #measure} of one body. */
  public static Result measure(Budget budget, long opsPerCall, Runnable body) {
    return measure(budget, opsPerCall, new Runnable[] {body})[0];
  }

  /**
   * Runs the warm-up; returns the calls per round that make a round last the budget's time.
   *
   * <p>The warm-up lasts at least the budget's time (CPU time of this thread) and calls, and then
   * goes on, in windows of {@link #WINDOW} calls, until twice in a row the fastest call of a window
   * is no more than 10% faster than that of the window before; until then the JIT is still
   * compiling (interpreted or C1-compiled Vector API code is 10–100 times slower). It stops after
   * {@link #MAX_WARMUP_FACTOR} times the budget's time (at least {@link #MIN_WARMUP_CAP_SECONDS} s)
   * whatever happens.
   */
  private static int warmUp(Budget budget, Runnable body) {
    // the minimum warm-up counts CPU time of this thread: under load, wall time passes without
    // the JIT having seen many calls
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuEnd = threads.getCurrentThreadCpuTime() + (long) (budget.warmupSeconds() * 1e9);
    long start = System.nanoTime();
    long cap =
        start
            + (long)
                (Math.max(MIN_WARMUP_CAP_SECONDS, MAX_WARMUP_FACTOR * budget.warmupSeconds())
                    * 1e9);
    int done = 0;
    long[] window = new long[WINDOW];
    long previous = Long.MAX_VALUE;
    int settledWindows = 0;
    while (true) {
      long t0 = System.nanoTime();
      body.run();
      long t1 = System.nanoTime();
      window[done % WINDOW] = Math.max(1, t1 - t0);
      done++;
      if (done % WINDOW != 0) {
        continue;
      }
      long fastest = Arrays.stream(window).min().getAsLong();
      settledWindows = fastest > 0.9 * previous ? settledWindows + 1 : 0;
      boolean settled = settledWindows >= 2;
      boolean enough = done >= budget.warmupCalls() && threads.getCurrentThreadCpuTime() >= cpuEnd;
      if ((enough && settled) || t1 >= cap || (budget.warmupSeconds() == 0 && enough)) {
        break;
      }
      previous = fastest;
    }
    // the median call of the last window: the fastest one would make rounds too long under load
    long[] sorted = window.clone();
    Arrays.sort(sorted);
    long calls = (long) Math.ceil(budget.roundSeconds() * 1e9 / sorted[WINDOW / 2]);
    return (int) Math.max(1, Math.min(calls, 1_000_000));
  }

  /** Calls per warm-up window. */
  static final int WINDOW = 5;

  /** The warm-up stops after this many times the budget's warm-up time. */
  static final double MAX_WARMUP_FACTOR = 8;

  /** ... or after this many seconds, whichever is longer. */
  static final double MIN_WARMUP_CAP_SECONDS = 4;

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  private static com.sun.management.ThreadMXBean threadBean() {
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (bean.isThreadAllocatedMemorySupported() && !bean.isThreadAllocatedMemoryEnabled()) {
      bean.setThreadAllocatedMemoryEnabled(true);
    }
    return bean;
  }

  /** A time in ns as text with a fitting unit. */
  static String formatTime(double ns) {
    if (ns >= 1e9) {
      return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    } else if (ns >= 1e6) {
      return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
    } else if (ns >= 1e3) {
      return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
    }
    return String.format(Locale.ROOT, "%.2f ns", ns);
  }

  /** A byte count as text with a fitting unit. */
  static String formatBytes(double b) {
    if (b >= 1 << 20) {
      return String.format(Locale.ROOT, "%.2f MB", b / (1 << 20));
    } else if (b >= 1 << 10) {
      return String.format(Locale.ROOT, "%.1f KB", b / (1 << 10));
    }
    return String.format(Locale.ROOT, "%.0f B", b);
  }
}
