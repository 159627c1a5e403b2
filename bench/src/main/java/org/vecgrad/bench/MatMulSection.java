package org.vecgrad.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.vecgrad.autodiff.op.MatMul;
import org.vecgrad.bench.BenchTable.Better;
import org.vecgrad.kernel.Parallel;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The matmul section of {@code ./vecgrad bench} ({@link BenchSuite}): GFLOP/s of the public {@code
 * MatMul} op against the naive loop, EJML and OpenBLAS ({@code torch.mm} with {@code --torch}), the
 * speed-up on two threads, the flatness across sizes, and the skinny shapes of the MLP's layers.
 */
final class MatMulSection {
  private static final Better HI = Better.HIGHER;

  private final BenchSuite suite;
  private final boolean quick;
  private final Harness.Budget budget;
  private final PrintStream log;
  private final BenchTable table;

  MatMulSection(BenchSuite suite) {
    this.suite = suite;
    this.quick = suite.quick();
    this.budget = suite.budget();
    this.log = suite.log();
    this.table = suite.table();
  }

  /**
   * The matmul rows of one dtype: the naive loop at 128³, the n³ sizes with the two-thread product
   * and the flatness ({@link #squares}), and the two skinny MLP shapes.
   */
  void run(DType dt) {
    String d = dt.name();
    MatMul op = MatMul.of(false, false);
    // The micro-kernels take C2 a second or more to compile (C1 code is 10-100 times slower), and
    // a small product can look settled before that: warm the packed path up first, untimed.
    Tensor[] w = operands(256, 256, 256, dt);
    log.printf("  %s matmul JIT warm-up ...%n", d);
    Harness.measure(
        new Harness.Budget(quick ? 1.0 : 2.0, 20, 1, 0),
        1,
        () -> Harness.sink = op.forward(w[0], w[1]));

    // the naive triple loop at a small n, and EJML (F64 only: ejml-fdense is not a dependency)
    int small = 128;
    Tensor[] s = operands(small, small, small, dt);
    Harness.Result[] naive =
        suite.time(
            2.0 * small * small * small,
            d + " " + small + "³ vecgrad / naive loop",
            () -> Harness.sink = op.forward(s[0], s[1]),
            naiveProduct(small, small, small, dt));
    table
        .row("matmul", "matmul " + d + " " + small + "³", gflops(naive[0]), "GFLOP/s", HI)
        .vs("naive loop", gflops(naive[1]), BenchTable.IN_RUN);

    squares(dt, op);

    // the skinny shapes of the MLP's layers
    int[][] shapes = {{32, 784, 256}, {128, 256, 10}};
    for (int[] sh : shapes) {
      int m = sh[0];
      int k = sh[1];
      int n = sh[2];
      Tensor[] x = operands(m, k, n, dt);
      String label = m + "×" + k + "·" + k + "×" + n;
      boolean ejml = dt == DType.F64;
      Harness.Result[] r =
          suite.time(
              2.0 * m * n * k,
              d + " " + label + (ejml ? " vecgrad / EJML" : " vecgrad / naive loop"),
              () -> Harness.sink = op.forward(x[0], x[1]),
              ejml ? ejmlProduct(m, k, n) : naiveProduct(m, k, n, dt));
      table
          .row("matmul", "matmul " + d + " " + label, gflops(r[0]), "GFLOP/s", HI)
          .vs(ejml ? "EJML" : "naive loop", gflops(r[1]), BenchTable.IN_RUN);
    }
  }

  /**
   * The n³ rows (n = 256, 1024, 2048; 256 and 512 with {@code --quick}), the two-thread row and the
   * flatness, from one paired measurement: a round of every size (and of the two-thread product,
   * EJML's 256³ and, with {@code --torch}, PyTorch's products) in turn, so that every figure, and
   * the flatness above all (slowest ÷ fastest), sees the same minutes of this shared host. Timed
   * section by section, n = 1024 and 2048 had been minutes apart, and the host's swings showed as a
   * slope that was not the code's.
   */
  private void squares(DType dt, MatMul op) {
    String d = dt.name();
    int[] sizes = quick ? new int[] {256, 512} : new int[] {256, 1024, 2048};
    int twoThreads = quick ? 512 : 1024;
    List<Runnable> bodies = new ArrayList<>();
    List<Runnable> torchRounds = new ArrayList<>();
    for (int n : sizes) {
      bodies.add(product(op, n, dt, 1));
      if (n != sizes[0]) {
        Runnable round = suite.torchRound(openBlasKey(dt, n));
        if (round != null) {
          torchRounds.add(round);
        }
      }
    }
    // the bodies after the sizes, by position in the results
    int twoAt = bodies.size();
    bodies.add(product(op, twoThreads, dt, 2));
    // the core probe on one thread and on two (through Parallel, as the product): what the machine
    // gave a second thread in these same rounds
    int probeAt = bodies.size();
    bodies.add(probe(1));
    bodies.add(probe(2));
    Runnable ejml = dt == DType.F64 ? ejmlProduct(sizes[0], sizes[0], sizes[0]) : null;
    int ejmlAt = bodies.size();
    if (ejml != null) {
      bodies.add(ejml);
    }
    Runnable afterRound = torchRounds.isEmpty() ? null : () -> torchRounds.forEach(Runnable::run);
    Harness.Result[] r;
    try {
      // per call: each body has its own flop count
      r =
          suite.timePaired(
              budget,
              1,
              d
                  + " n³ for n = "
                  + Arrays.toString(sizes)
                  + ", "
                  + twoThreads
                  + "³ on 2 threads, the core probe on 1 and 2 threads"
                  + (ejml != null ? ", EJML " + sizes[0] + "³" : "")
                  + ", in turn",
              afterRound,
              bodies.toArray(new Runnable[0]));
    } finally {
      Parallel.setThreads(1);
    }
    double[] figures = new double[sizes.length];
    double oneThread = Double.NaN;
    for (int i = 0; i < sizes.length; i++) {
      int n = sizes[i];
      figures[i] = gflopsPerCall(r[i], n);
      BenchTable.Row row =
          table.row("matmul", "matmul " + d + " " + n + "³", figures[i], "GFLOP/s", HI);
      if (i == 0) {
        if (ejml != null) {
          row.vs("EJML", gflopsPerCall(r[ejmlAt], n), BenchTable.IN_RUN);
        } else {
          row.vs("EJML", Baselines.EJML, BenchTable.BASELINE);
        }
      } else {
        openBlas(row, dt, n);
      }
      if (n == 1024) {
        row.targetFigure(
            dt == DType.F64 ? Baselines.TARGET_MATMUL_F64 : Baselines.TARGET_MATMUL_F32);
      }
      if (n == twoThreads) {
        oneThread = figures[i];
      }
    }
    table
        .row(
            "matmul",
            "matmul " + d + " " + twoThreads + "³, 2 threads",
            gflopsPerCall(r[twoAt], twoThreads),
            "GFLOP/s",
            HI)
        .vs("1 thread", oneThread, BenchTable.IN_RUN)
        .targetRatio(Baselines.TARGET_TWO_THREADS);
    table
        .row(
            "matmul",
            "core probe (" + d + " section), 2 threads",
            PROBE_FLOPS * 2 / r[probeAt + 1].wallNs(),
            "GFLOP/s",
            HI)
        .vs("1 thread", PROBE_FLOPS / r[probeAt].wallNs(), BenchTable.IN_RUN);
    double min = Arrays.stream(figures).min().orElse(Double.NaN);
    double max = Arrays.stream(figures).max().orElse(Double.NaN);
    table
        .row(
            "matmul",
            "matmul " + d + " flatness n=" + sizes[0] + "…" + sizes[sizes.length - 1],
            min / max,
            "min÷max",
            HI)
        .targetFigure(Baselines.TARGET_FLATNESS);
  }

  /** An n³ product on {@code threads} threads (set on each call: bodies run in turn). */
  private static Runnable product(MatMul op, int n, DType dt, int threads) {
    Tensor[] x = operands(n, n, n, dt);
    return () -> {
      Parallel.setThreads(threads);
      Harness.sink = op.forward(x[0], x[1]);
    };
  }

  /** Probe blocks per thread in a {@link #probe} call: about a millisecond. */
  private static final int PROBE_BLOCKS = 256;

  /** Flops of one thread's share of a {@link #probe} call. */
  private static final double PROBE_FLOPS = PROBE_BLOCKS * 2.0 * CoreProbe.LANE_FMAS;

  /**
   * The core probe's loop on {@code threads} threads, {@link #PROBE_FLOPS} each, split through
   * {@link Parallel#forRange} as the products split theirs.
   */
  private static Runnable probe(int threads) {
    return () -> {
      Parallel.setThreads(threads);
      Parallel.forRange(
          threads,
          1,
          Long.MAX_VALUE,
          (from, to) -> {
            double sink = 0;
            for (int t = from; t < to; t++) {
              for (int b = 0; b < PROBE_BLOCKS; b++) {
                sink += CoreProbe.block(1.0000001, 1e-9 * (b + 1));
              }
            }
            Harness.sink = sink;
          });
    };
  }

  /** GFLOP/s of an n³ product from its result per call. */
  private static double gflopsPerCall(Harness.Result r, int n) {
    return 2.0 * n * n * n / r.wallNs();
  }

  /**
   * Compares an n³ product with OpenBLAS: {@code torch.mm} measured here (key {@code
   * matmul.<dtype>.<n>}) when the run has {@code --torch}, else the figure recorded on the Zen 3.
   */
  private BenchTable.Row openBlas(BenchTable.Row row, DType dt, int n) {
    double recorded = dt == DType.F64 ? Baselines.OPENBLAS_DGEMM : Baselines.OPENBLAS_SGEMM;
    return suite.vsReference(row, openBlasKey(dt, n), "OpenBLAS", recorded, "torch.mm");
  }

  /** The key of {@code torch.mm}'s n³ figure in {@link TorchAnchors}. */
  private static String openBlasKey(DType dt, int n) {
    return "matmul." + dt.name() + "." + n;
  }

  /** GFLOP/s from a result per flop (flops per ns). */
  private static double gflops(Harness.Result r) {
    return 1 / r.wallNs();
  }

  /** A = m×k, B = k×n, uniform in [-0.5, 0.5), in the dtype. */
  private static Tensor[] operands(int m, int k, int n, DType dt) {
    SplittableRandom rng = new SplittableRandom(42);
    return new Tensor[] {
      Tensor.rand(Shape.of(m, k), -0.5, 0.5, rng).cast(dt),
      Tensor.rand(Shape.of(k, n), -0.5, 0.5, rng).cast(dt)
    };
  }

  /** EJML's {@code CommonOps_DDRM.mult} on the same shape (F64). */
  private static Runnable ejmlProduct(int m, int k, int n) {
    SplittableRandom rng = new SplittableRandom(42);
    DMatrixRMaj a = new DMatrixRMaj(m, k);
    DMatrixRMaj b = new DMatrixRMaj(k, n);
    DMatrixRMaj c = new DMatrixRMaj(m, n);
    for (int i = 0; i < a.data.length; i++) {
      a.data[i] = rng.nextDouble() - 0.5;
    }
    for (int i = 0; i < b.data.length; i++) {
      b.data[i] = rng.nextDouble() - 0.5;
    }
    return () -> {
      CommonOps_DDRM.mult(a, b, c);
      Harness.sink = c;
    };
  }

  /** The naive i-j-p triple loop on primitive arrays of the dtype. */
  private static Runnable naiveProduct(int m, int k, int n, DType dt) {
    Tensor[] x = operands(m, k, n, dt);
    if (dt == DType.F64) {
      double[] a = x[0].toDoubleArray();
      double[] b = x[1].toDoubleArray();
      double[] c = new double[m * n];
      return () -> {
        org.vecgrad.kernel.MatMul.reference(false, false, m, n, k, a, b, c);
        Harness.sink = c;
      };
    }
    float[] a = x[0].toFloatArray();
    float[] b = x[1].toFloatArray();
    float[] c = new float[m * n];
    return () -> {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float s = 0;
          for (int p = 0; p < k; p++) {
            s += a[i * k + p] * b[p * n + j];
          }
          c[i * n + j] = s;
        }
      }
      Harness.sink = c;
    };
  }
}
