package org.vecgrad.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * How much floating-point work the calling thread's core delivers right now: eight independent
 * chains of F64 vector FMAs on registers only (no memory traffic), in GFLOP/s. On a shared host the
 * same code runs up to 2× slower in some stretches than in others; the probe, taken before and
 * after a benchmark run, tells a reader which kind of stretch the run's wall-time figures come
 * from. Eight chains cover the FMA latency of two FMA units (4 cycles each), so an idle core
 * reaches its peak (the reference machine's is 51 GFLOP/s F64, {@code shared/bench/baselines.md}).
 */
final class CoreProbe {
  private CoreProbe() {}

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  /** FMA iterations per block: short, so that C2 soon compiles {@link #block} as a method. */
  private static final int BLOCK = 4096;

  /** Warm-up windows, in ns: the JIT has settled when two in a row give the same rate. */
  private static final long WINDOW_NS = 20_000_000L;

  /** The longest warm-up, in ns. */
  private static final long MAX_WARMUP_NS = 3_000_000_000L;

  /**
   * GFLOP/s of the probe loop over about {@code seconds}, after a warm-up that lasts until two
   * successive 20 ms windows agree within 3 % (at least ten windows, at most 3 s): until then the
   * loop may still run interpreted or in C1 code on boxed vectors.
   */
  static double gflops(double seconds) {
    long warmupEnd = System.nanoTime() + MAX_WARMUP_NS;
    double previous = 0;
    for (int window = 0; System.nanoTime() < warmupEnd; window++) {
      double rate = rate(WINDOW_NS);
      if (window >= 10 && Math.abs(rate - previous) <= 0.03 * rate) {
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
      sink += block(1e-9 * (blocks + 1));
      blocks++;
      now = System.nanoTime();
    } while (now < end);
    Harness.sink = sink;
    return blocks * (double) BLOCK * 8 * LANES.length() * 2 / (now - start);
  }

  /** One block of {@link #BLOCK} iterations of eight FMAs; returns their sum (kept live). */
  private static double block(double seed) {
    DoubleVector x = DoubleVector.broadcast(LANES, 1.0000001);
    DoubleVector y = DoubleVector.broadcast(LANES, seed);
    DoubleVector zero = DoubleVector.zero(LANES);
    DoubleVector a0 = y;
    DoubleVector a1 = y;
    DoubleVector a2 = y;
    DoubleVector a3 = y;
    DoubleVector a4 = y;
    DoubleVector a5 = y;
    DoubleVector a6 = y;
    DoubleVector a7 = y;
    for (int i = 0; i < BLOCK; i++) {
      a0 = x.fma(a0, y);
      a1 = x.fma(a1, y);
      a2 = x.fma(a2, y);
      a3 = x.fma(a3, y);
      a4 = x.fma(a4, y);
      a5 = x.fma(a5, y);
      a6 = x.fma(a6, y);
      a7 = x.fma(a7, y);
    }
    // accumulators only ever enter as arguments, never as receivers: C2 may not know a loop phi's
    // exact vector class (see GemmF64.kernel12x2), and the probe would then time boxed vectors
    return zero.add(a0)
        .add(a1)
        .add(a2)
        .add(a3)
        .add(a4)
        .add(a5)
        .add(a6)
        .add(a7)
        .reduceLanes(VectorOperators.ADD);
  }
}
