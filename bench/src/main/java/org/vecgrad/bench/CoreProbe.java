package org.vecgrad.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * How much floating-point work the calling thread's core delivers right now: twelve independent
 * chains of F64 vector FMAs on registers only (no memory traffic), in GFLOP/s. On a shared host the
 * same code runs up to 2× slower in some stretches than in others; the probe, taken before and
 * after a benchmark run, tells a reader which kind of stretch the run's wall-time figures come
 * from. Eight chains cover the FMA latency of two FMA units (4 cycles each), so an idle core
 * reaches its peak (the reference machine's is 51 GFLOP/s F64, {@code shared/bench/baselines.md}).
 */
final class CoreProbe {
  private CoreProbe() {}

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  /** Lane FMAs per {@link #block}, whatever the vector width. */
  static final int LANE_FMAS = 12 * 8192;

  /** Vector steps per {@link #block}: twelve chains each. */
  private static final int STEPS = LANE_FMAS / 12 / LANES.length();

  /** Warm-up windows, in ns: the JIT has settled when two in a row give the same rate. */
  private static final long WINDOW_NS = 20_000_000L;

  /** The longest warm-up, in ns. */
  private static final long MAX_WARMUP_NS = 3_000_000_000L;

  /** Calls of {@link #block} before the first timed window: enough for C2 to compile it. */
  private static final int WARMUP_CALLS = 20_000;

  /**
   * GFLOP/s of the probe loop over about {@code seconds}, after a warm-up of at least {@link
   * #WARMUP_CALLS} blocks that then lasts until two successive 20 ms windows agree within 3 % (at
   * most 3 s in all): before that the loop may still run interpreted or in C1 code on boxed
   * vectors, at a steady but meaningless rate.
   */
  static double gflops(double seconds) {
    long warmupEnd = System.nanoTime() + MAX_WARMUP_NS;
    double sink = 0;
    for (int i = 0; i < WARMUP_CALLS && System.nanoTime() < warmupEnd; i++) {
      sink += block(1.0000001, 1e-9 * i);
    }
    Harness.sink = sink;
    double previous = 0;
    while (System.nanoTime() < warmupEnd) {
      double rate = rate(WINDOW_NS);
      if (Math.abs(rate - previous) <= 0.03 * rate) {
        break;
      }
      previous = rate;
    }
    return rate((long) (seconds * 1e9));
  }

  /** GFLOP/s of blocks run for about {@code budgetNs}. */
  private static double rate(long budgetNs) {
    long start = System.nanoTime();
    long end = start + budgetNs;
    long blocks = 0;
    double sink = 0;
    long now;
    do {
      sink += block(1.0000001, 1e-9 * (blocks + 1));
      blocks++;
      now = System.nanoTime();
    } while (now < end);
    Harness.sink = sink;
    return blocks * 2.0 * LANE_FMAS / (now - start);
  }

  /**
   * One block: {@link #STEPS} steps of twelve independent vector FMA chains ({@link #LANE_FMAS}
   * lane FMAs), on registers only; returns their sum so that nothing folds away. Also the body of
   * {@code MatMulBench.fmaPeak}.
   */
  static double block(double xs, double ys) {
    DoubleVector x = DoubleVector.broadcast(LANES, xs);
    DoubleVector y = DoubleVector.broadcast(LANES, ys);
    DoubleVector c0 = DoubleVector.zero(LANES);
    DoubleVector c1 = c0;
    DoubleVector c2 = c0;
    DoubleVector c3 = c0;
    DoubleVector c4 = c0;
    DoubleVector c5 = c0;
    DoubleVector c6 = c0;
    DoubleVector c7 = c0;
    DoubleVector c8 = c0;
    DoubleVector c9 = c0;
    DoubleVector c10 = c0;
    DoubleVector c11 = c0;
    // the chains only ever enter as arguments, never as receivers: C2 may not know a loop phi's
    // exact vector class (see GemmF64.kernel12x2), and the probe would then time boxed vectors
    for (int i = 0; i < STEPS; i++) {
      c0 = x.fma(y, c0);
      c1 = x.fma(y, c1);
      c2 = x.fma(y, c2);
      c3 = x.fma(y, c3);
      c4 = x.fma(y, c4);
      c5 = x.fma(y, c5);
      c6 = x.fma(y, c6);
      c7 = x.fma(y, c7);
      c8 = x.fma(y, c8);
      c9 = x.fma(y, c9);
      c10 = x.fma(y, c10);
      c11 = x.fma(y, c11);
    }
    return y.mul(0)
        .add(c0)
        .add(c1)
        .add(c2)
        .add(c3)
        .add(c4)
        .add(c5)
        .add(c6)
        .add(c7)
        .add(c8)
        .add(c9)
        .add(c10)
        .add(c11)
        .reduceLanes(VectorOperators.ADD);
  }
}
