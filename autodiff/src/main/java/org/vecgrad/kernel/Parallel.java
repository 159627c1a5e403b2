package org.vecgrad.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits a range of independent work items across cores, only when the work is big enough to pay
 * for waking a second thread (about 12 µs on the reference machine).
 *
 * <p>The split is into fixed chunks whose boundaries do not depend on the number of threads, and
 * each chunk writes a disjoint part of the output, so results are bitwise identical whatever the
 * thread count. {@code -Dvecgrad.threads=N} caps the threads (1 disables the split).
 */
public final class Parallel {
  /** Work items below this many floating-point operations run on the calling thread. */
  public static final long MIN_PARALLEL_FLOPS = 2_000_000L;

  private static volatile int threads =
      Integer.getInteger("vecgrad.threads", Runtime.getRuntime().availableProcessors());

  private Parallel() {}

  /** A body that processes the items {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    /** Processes items {@code from} (inclusive) to {@code to} (exclusive). */
    void run(int from, int to);
  }

  /** The maximum number of threads used by kernels. */
  public static int threads() {
    return threads;
  }

  /** Sets the maximum number of threads (at least 1). */
  public static void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("Parallel.setThreads: need at least 1 thread, got " + n);
    }
    threads = n;
  }

  /**
   * Runs {@code body} over {@code [0, items)} in chunks of {@code grain} items; in parallel only
   * when {@code flops} is large enough and more than one thread is allowed.
   */
  public static void forRange(int items, int grain, long flops, RangeBody body) {
    if (items <= 0) {
      return;
    }
    int chunks = (items + grain - 1) / grain;
    if (threads <= 1 || chunks <= 1 || flops < MIN_PARALLEL_FLOPS) {
      body.run(0, items);
      return;
    }
    ForkJoinPool pool = ForkJoinPool.commonPool();
    pool.invoke(new Split(0, chunks, grain, items, body));
  }

  private static final class Split extends RecursiveAction {
    private final int lo;
    private final int hi;
    private final int grain;
    private final int items;
    private final RangeBody body;

    Split(int lo, int hi, int grain, int items, RangeBody body) {
      this.lo = lo;
      this.hi = hi;
      this.grain = grain;
      this.items = items;
      this.body = body;
    }

    @Override
    protected void compute() {
      if (hi - lo == 1) {
        body.run(lo * grain, Math.min(items, (lo + 1) * grain));
        return;
      }
      int mid = (lo + hi) >>> 1;
      invokeAll(new Split(lo, mid, grain, items, body), new Split(mid, hi, grain, items, body));
    }
  }
}
