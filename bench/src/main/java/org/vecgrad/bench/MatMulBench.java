package org.vecgrad.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vecgrad.kernel.MatMul;
import org.vecgrad.kernel.Parallel;

/**
 * F64 matrix multiplication ({@link MatMul#gemm}) in GFLOP/s: square products on one and two
 * threads, the skinny shapes of an MLP layer, the four transpose layouts, and the machine's FMA
 * peak measured the same way, for scale.
 *
 * <p>{@link #main} runs the whole suite (about two and a half minutes) and prints a table with the
 * ratio to the OpenBLAS anchor of {@code shared/bench/baselines.md}; see {@code docs/benchmarks.md}
 * for the command. Arguments pick sections: {@code square}, {@code skinny}, {@code layouts}, {@code
 * peak}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MatMulBench {

  /** OpenBLAS 0.3.21 DGEMM, one thread, n ≥ 512, on the reference machine (GFLOP/s). */
  static final double OPENBLAS_GFLOPS = Baselines.OPENBLAS_DGEMM;

  /** Square {@code n × n · n × n}, on one thread or two. */
  @State(Scope.Benchmark)
  public static class Square {
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(threads);
      x = new Operands(n, n, n, false, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Skinny shapes {@code m×k·k×n} on one thread: an MLP layer's forward (batch 32 and 128), the
   * last layer (10 outputs), a vector·matrix and a matrix·vector.
   */
  @State(Scope.Benchmark)
  public static class Skinny {
    @Param({"32x784x256", "128x784x256", "128x256x10", "1x1024x1024", "1024x1024x1"})
    public String shape;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(1);
      int[] s = parseShape(shape);
      x = new Operands(s[0], s[2], s[1], false, false);
    }
  }

  /**
   * The four layouts {@code op(A)·op(B)} at n = 512 on one thread (N = as stored, T = transposed).
   */
  @State(Scope.Benchmark)
  public static class Layouts {
    @Param({"NN", "TN", "NT", "TT"})
    public String layout;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(1);
      x = new Operands(512, 512, 512, layout.charAt(0) == 'T', layout.charAt(1) == 'T');
    }
  }

  /** The operands and output of one product, filled with a fixed random pattern. */
  static final class Operands {
    final int m;
    final int n;
    final int k;
    final boolean transA;
    final boolean transB;
    final double[] a;
    final double[] b;
    final double[] c;

    Operands(int m, int n, int k, boolean transA, boolean transB) {
      this.m = m;
      this.n = n;
      this.k = k;
      this.transA = transA;
      this.transB = transB;
      Random random = new Random(42);
      a = new double[m * k];
      b = new double[k * n];
      c = new double[m * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextDouble() - 0.5;
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = random.nextDouble() - 0.5;
      }
    }

    double[] run() {
      MatMul.gemm(transA, transB, m, n, k, a, b, c);
      return c;
    }
  }

  @Benchmark
  public double[] square(Square s) {
    return s.x.run();
  }

  @Benchmark
  public double[] skinny(Skinny s) {
    return s.x.run();
  }

  @Benchmark
  public double[] layouts(Layouts s) {
    return s.x.run();
  }

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** Lane FMAs per {@link #fmaPeak} call, whatever the species of the fork. */
  static final int PEAK_LANE_FMAS = 12 * 8192;

  /** Vector steps per {@link #fmaPeak} call: 12 independent accumulators each. */
  private static final int PEAK_STEPS = PEAK_LANE_FMAS / 12 / SPECIES.length();

  /** State of the FMA peak probe; the factors are fields so that nothing folds away. */
  @State(Scope.Thread)
  public static class PeakState {
    double x = 1.0000001;
    double y = 0.9999999;
  }

  /**
   * The FMA throughput ceiling of one core with the preferred species: 12 independent chains of
   * vector FMAs, no memory traffic. A gemm can at best approach this.
   */
  @Benchmark
  public double fmaPeak(PeakState s) {
    DoubleVector x = DoubleVector.broadcast(SPECIES, s.x);
    DoubleVector y = DoubleVector.broadcast(SPECIES, s.y);
    DoubleVector c0 = DoubleVector.zero(SPECIES);
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
    for (int i = 0; i < PEAK_STEPS; i++) {
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
    return c0.add(c1)
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

  // ---------------------------------------------------------------------------------------------
  // Runner

  /** Runs the suite (or the sections named in {@code args}) and prints GFLOP/s tables. */
  public static void main(String[] args) throws RunnerException {
    List<String> sections =
        args.length == 0 ? List.of("peak", "square", "skinny", "layouts") : List.of(args);
    String cls = MatMulBench.class.getName();
    double peak = Double.NaN;
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "species (this JVM) %s, %d cores, Java %s, fork arguments: %s",
            SPECIES,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("vecgrad.bench.jvmArgs", "(default)")));
    if (sections.contains("peak")) {
      Collection<RunResult> results = run(quick(cls + ".fmaPeak$"));
      double ns = results.iterator().next().getPrimaryResult().getScore();
      peak = 2.0 * PEAK_LANE_FMAS / ns;
      report.add(String.format(Locale.ROOT, "FMA peak (one core, measured): %.1f GFLOP/s", peak));
    }
    if (sections.contains("square")) {
      // n = 2048 takes ~0.4 s per product: fewer, longer iterations.
      List<RunResult> results = new ArrayList<>();
      results.addAll(
          run(
              options(cls + ".square$")
                  .param("n", "64", "128", "256", "512", "1024")
                  .warmupIterations(4)
                  .warmupTime(TimeValue.milliseconds(500))
                  .measurementIterations(5)
                  .measurementTime(TimeValue.milliseconds(500))));
      results.addAll(
          run(
              options(cls + ".square$")
                  .param("n", "2048")
                  .warmupIterations(2)
                  .warmupTime(TimeValue.seconds(2))
                  .measurementIterations(3)
                  .measurementTime(TimeValue.seconds(2))));
      squareTable(results, peak, report);
    }
    if (sections.contains("skinny")) {
      shapeTable(
          "shape m×k·k×n", run(quick(cls + ".skinny$")), "shape", s -> parseShape(s), report);
    }
    if (sections.contains("layouts")) {
      shapeTable(
          "layout, n = 512",
          run(quick(cls + ".layouts$")),
          "layout",
          s -> new int[] {512, 512, 512},
          report);
    }
    System.out.println();
    report.forEach(System.out::println);
  }

  /**
   * Options shared by every run. {@code -Dvecgrad.bench.jvmArgs="..."} adds JVM arguments to the
   * forks, e.g. {@code -XX:UseAVX=2} to measure the AVX2 kernels on an AVX-512 machine.
   */
  private static ChainedOptionsBuilder options(String include) {
    ChainedOptionsBuilder options = new OptionsBuilder().include(include).shouldFailOnError(true);
    String extra = System.getProperty("vecgrad.bench.jvmArgs", "").trim();
    if (!extra.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
      args.addAll(List.of(extra.split("\\s+")));
      options.jvmArgsAppend(args.toArray(new String[0]));
    }
    return options;
  }

  /**
   * Short iterations for products of a few milliseconds at most. Four warm-up iterations: the first
   * second or so runs C1 code (about 100 times slower) while C2 compiles the micro-kernel.
   */
  private static ChainedOptionsBuilder quick(String include) {
    return options(include)
        .warmupIterations(4)
        .warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(5)
        .measurementTime(TimeValue.milliseconds(500));
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
    return new Runner(options.build()).run();
  }

  private static void squareTable(List<RunResult> results, double peak, List<String> report) {
    report.add("");
    report.add(
        "| n | 1 thread GFLOP/s | 2 threads GFLOP/s | 1 thread ÷ OpenBLAS (43) |"
            + " 1 thread ÷ FMA peak |");
    report.add("|---:|---:|---:|---:|---:|");
    for (String n : new String[] {"64", "128", "256", "512", "1024", "2048"}) {
      double one = gflops(results, n, "1");
      double two = gflops(results, n, "2");
      if (Double.isNaN(one) && Double.isNaN(two)) {
        continue;
      }
      report.add(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.2f | %.2f |",
              n,
              one,
              two,
              one / OPENBLAS_GFLOPS,
              one / peak));
    }
  }

  private static double gflops(List<RunResult> results, String n, String threads) {
    for (RunResult r : results) {
      if (r.getParams().getParam("n").equals(n)
          && r.getParams().getParam("threads").equals(threads)) {
        double size = Double.parseDouble(n);
        return 2 * size * size * size / r.getPrimaryResult().getScore();
      }
    }
    return Double.NaN;
  }

  private static void shapeTable(
      String title,
      Collection<RunResult> results,
      String param,
      java.util.function.Function<String, int[]> shapeOf,
      List<String> report) {
    report.add("");
    report.add("| " + title + " | 1 thread GFLOP/s | µs per product |");
    report.add("|---|---:|---:|");
    for (RunResult r : results) {
      String value = r.getParams().getParam(param);
      int[] s = shapeOf.apply(value);
      double ns = r.getPrimaryResult().getScore();
      report.add(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f |",
              value,
              2.0 * s[0] * s[1] * s[2] / ns,
              ns / 1000));
    }
  }

  /** {@code "MxKxN"} → {@code {M, K, N}}. */
  static int[] parseShape(String shape) {
    String[] parts = shape.split("x");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }
}
