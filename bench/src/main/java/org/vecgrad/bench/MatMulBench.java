package org.vecgrad.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
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
 * Matrix multiplication ({@link MatMul#gemm}) in F64 and F32, in GFLOP/s: square products on one
 * and two threads, the skinny shapes of an MLP layer with their backward products, the four
 * transpose layouts, and the machine's FMA peak measured the same way, for scale.
 *
 * <p>{@link #main} runs the whole suite (about seven minutes) and prints tables with the ratio to
 * the OpenBLAS anchors of {@code shared/bench/baselines.md}; see {@code docs/benchmarks.md} for the
 * command. Arguments pick sections: {@code square}, {@code skinny}, {@code layouts}, {@code peak};
 * and dtypes: {@code f64}, {@code f32} (both when neither is named). With {@code best}, every
 * product is timed on its own (JMH sample mode) and the tables give the fastest one instead of the
 * mean: on a machine shared with other jobs the mean measures the other jobs as much as the gemm,
 * while the fastest product is one that ran undisturbed (for short products; a product of a second
 * is rarely undisturbed). With {@code quick}, no JMH at all: see {@link #quickTables(List, List)}.
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

  /** Whether {@link #main} reports the fastest product (sample mode) instead of the mean. */
  private static boolean best;

  /** OpenBLAS 0.3.21 SGEMM, one thread, n ≥ 512, on the reference machine (GFLOP/s). */
  static final double OPENBLAS_F32_GFLOPS = 91.0;

  /** Square {@code n × n · n × n}, on one thread or two. */
  @State(Scope.Benchmark)
  public static class Square {
    @Param({"64", "128", "256", "512", "1024", "2048"})
    public int n;

    @Param({"1", "2"})
    public int threads;

    @Param({"f64", "f32"})
    public String dtype;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(threads);
      x = new Operands(dtype, n, n, n, false, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * Skinny shapes {@code m×k·k×n[:layout]} on one thread or two: an MLP layer's forward (batch 32
   * and 128) with its backward products {@code C̄·Bᵀ} (NT) and {@code Aᵀ·C̄} (TN), the last layer
   * (10 outputs) with its backward products, a vector·matrix and a matrix·vector.
   */
  @State(Scope.Benchmark)
  public static class Skinny {
    @Param({
      "32x784x256",
      "32x256x784:NT",
      "784x32x256:TN",
      "128x784x256",
      "128x256x10",
      "128x10x256:NT",
      "256x128x10:TN",
      "1x1024x1024",
      "1024x1024x1",
      "1024x1024x1:TN"
    })
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"f64", "f32"})
    public String dtype;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(threads);
      int[] s = parseShape(shape);
      String layout = shape.contains(":") ? shape.substring(shape.indexOf(':') + 1) : "NN";
      x = new Operands(dtype, s[0], s[2], s[1], layout.charAt(0) == 'T', layout.charAt(1) == 'T');
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }
  }

  /**
   * The four layouts {@code op(A)·op(B)} at n = 512 on one thread (N = as stored, T = transposed).
   */
  @State(Scope.Benchmark)
  public static class Layouts {
    @Param({"NN", "TN", "NT", "TT"})
    public String layout;

    @Param({"f64", "f32"})
    public String dtype;

    Operands x;

    @Setup(Level.Trial)
    public void setUp() {
      Parallel.setThreads(1);
      x = new Operands(dtype, 512, 512, 512, layout.charAt(0) == 'T', layout.charAt(1) == 'T');
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }
  }

  /** The operands and output of one product, filled with a fixed random pattern. */
  static final class Operands {
    final int m;
    final int n;
    final int k;
    final boolean transA;
    final boolean transB;
    final boolean f32;
    final double[] a;
    final double[] b;
    final double[] c;
    final float[] af;
    final float[] bf;
    final float[] cf;

    Operands(int m, int n, int k, boolean transA, boolean transB) {
      this("f64", m, n, k, transA, transB);
    }

    Operands(String dtype, int m, int n, int k, boolean transA, boolean transB) {
      this.m = m;
      this.n = n;
      this.k = k;
      this.transA = transA;
      this.transB = transB;
      this.f32 = "f32".equals(dtype);
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
      af = f32 ? toFloat(a) : null;
      bf = f32 ? toFloat(b) : null;
      cf = f32 ? new float[m * n] : null;
    }

    Object run() {
      if (f32) {
        MatMul.gemm(transA, transB, m, n, k, af, bf, cf);
        return cf;
      }
      MatMul.gemm(transA, transB, m, n, k, a, b, c);
      return c;
    }

    private static float[] toFloat(double[] x) {
      float[] f = new float[x.length];
      for (int i = 0; i < x.length; i++) {
        f[i] = (float) x[i];
      }
      return f;
    }
  }

  @Benchmark
  public Object square(Square s) {
    return s.x.run();
  }

  @Benchmark
  public Object skinny(Skinny s) {
    return s.x.run();
  }

  @Benchmark
  public Object layouts(Layouts s) {
    return s.x.run();
  }

  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  /** Lane FMAs per {@link #fmaPeak} call, whatever the species of the fork. */
  static final int PEAK_LANE_FMAS = CoreProbe.LANE_FMAS;

  /** State of the FMA peak probe; the factors are fields so that nothing folds away. */
  @State(Scope.Thread)
  public static class PeakState {
    double x = 1.0000001;
    double y = 0.9999999;
  }

  /**
   * The FMA throughput ceiling of one core with the preferred species: 12 independent chains of
   * vector FMAs, no memory traffic ({@link CoreProbe#block}). A gemm can at best approach this.
   */
  @Benchmark
  public double fmaPeak(PeakState s) {
    return CoreProbe.block(s.x, s.y);
  }

  // ---------------------------------------------------------------------------------------------
  // Runner

  /**
   * Runs the suite (or the sections and dtypes named in {@code args}) and prints GFLOP/s tables.
   */
  public static void main(String[] args) throws RunnerException {
    List<String> named = List.of(args);
    best = named.contains("best");
    List<String> sections = new ArrayList<>(List.of("peak", "square", "skinny", "layouts"));
    sections.retainAll(named);
    if (sections.isEmpty()) {
      sections = List.of("peak", "square", "skinny", "layouts");
    }
    List<String> dtypes = new ArrayList<>(List.of("f64", "f32"));
    dtypes.retainAll(named);
    if (dtypes.isEmpty()) {
      dtypes = List.of("f64", "f32");
    }
    if (named.contains("quick")) {
      quickTables(sections, dtypes);
      return;
    }
    String[] dtypeParams = dtypes.toArray(new String[0]);
    String cls = MatMulBench.class.getName();
    double peak = Double.NaN;
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "species (this JVM) %s, %d cores, Java %s, %s, fork arguments: %s",
            SPECIES,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            best ? "fastest product of each run" : "mean time per product",
            System.getProperty("vecgrad.bench.jvmArgs", "(default)")));
    if (sections.contains("peak")) {
      Collection<RunResult> results = run(quick(cls + ".fmaPeak$"));
      double ns = nanos(results.iterator().next());
      peak = 2.0 * PEAK_LANE_FMAS / ns;
      report.add(
          String.format(
              Locale.ROOT,
              "FMA peak (one core, measured): F64 %.1f GFLOP/s, F32 twice that (%.1f)",
              peak,
              2 * peak));
    }
    if (sections.contains("square")) {
      // n = 2048 takes ~0.4 s per product: fewer, longer iterations.
      List<RunResult> results = new ArrayList<>();
      results.addAll(
          run(
              options(cls + ".square$")
                  .param("n", "64", "128", "256", "512", "1024")
                  .param("dtype", dtypeParams)
                  .warmupIterations(4)
                  .warmupTime(TimeValue.milliseconds(500))
                  .measurementIterations(5)
                  .measurementTime(TimeValue.milliseconds(500))));
      results.addAll(
          run(
              options(cls + ".square$")
                  .param("n", "2048")
                  .param("dtype", dtypeParams)
                  .warmupIterations(2)
                  .warmupTime(TimeValue.seconds(2))
                  .measurementIterations(3)
                  .measurementTime(TimeValue.seconds(2))));
      for (String dtype : dtypes) {
        squareTable(results, dtype, peak, report);
      }
    }
    if (sections.contains("skinny")) {
      skinnyTable(run(quick(cls + ".skinny$").param("dtype", dtypeParams)), dtypes, report);
    }
    if (sections.contains("layouts")) {
      shapeTable(
          "layout, n = 512",
          run(quick(cls + ".layouts$").param("dtype", dtypeParams)),
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
    if (best) {
      options.mode(Mode.SampleTime);
    }
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

  private static void squareTable(
      List<RunResult> results, String dtype, double peak, List<String> report) {
    double openBlas = "f32".equals(dtype) ? OPENBLAS_F32_GFLOPS : OPENBLAS_GFLOPS;
    double dtypePeak = "f32".equals(dtype) ? 2 * peak : peak;
    report.add("");
    report.add(
        String.format(
            Locale.ROOT,
            "| n (%s) | 1 thread GFLOP/s | 2 threads GFLOP/s | 2 ÷ 1 | 1 thread ÷ OpenBLAS (%.0f) |"
                + " 1 thread ÷ FMA peak |",
            dtype.toUpperCase(Locale.ROOT),
            openBlas));
    report.add("|---:|---:|---:|---:|---:|---:|");
    for (String n : new String[] {"64", "128", "256", "512", "1024", "2048"}) {
      double size = Double.parseDouble(n);
      double one = gflops(results, "n", n, "1", dtype, 2 * size * size * size);
      double two = gflops(results, "n", n, "2", dtype, 2 * size * size * size);
      if (Double.isNaN(one) && Double.isNaN(two)) {
        continue;
      }
      report.add(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.2f | %.2f | %.2f |",
              n,
              one,
              two,
              two / one,
              one / openBlas,
              one / dtypePeak));
    }
  }

  private static void skinnyTable(
      Collection<RunResult> results, List<String> dtypes, List<String> report) {
    List<RunResult> list = new ArrayList<>(results);
    report.add("");
    report.add(
        "| shape m×k·k×n[:layout] | dtype | 1 thread GFLOP/s | 2 threads GFLOP/s | 2 ÷ 1 |"
            + " µs per product (1 thread) |");
    report.add("|---|---|---:|---:|---:|---:|");
    List<String> shapes = new ArrayList<>();
    for (RunResult r : list) {
      String shape = r.getParams().getParam("shape");
      if (!shapes.contains(shape)) {
        shapes.add(shape);
      }
    }
    for (String shape : shapes) {
      int[] s = parseShape(shape);
      double flops = 2.0 * s[0] * s[1] * s[2];
      for (String dtype : dtypes) {
        double one = gflops(list, "shape", shape, "1", dtype, flops);
        double two = gflops(list, "shape", shape, "2", dtype, flops);
        report.add(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.1f | %.1f | %.2f | %.1f |",
                shape,
                dtype.toUpperCase(Locale.ROOT),
                one,
                two,
                two / one,
                flops / one / 1000));
      }
    }
  }

  private static double gflops(
      List<RunResult> results,
      String param,
      String value,
      String threads,
      String dtype,
      double flops) {
    for (RunResult r : results) {
      if (r.getParams().getParam(param).equals(value)
          && r.getParams().getParam("threads").equals(threads)
          && r.getParams().getParam("dtype").equals(dtype)) {
        return flops / nanos(r);
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
    report.add("| " + title + " | dtype | 1 thread GFLOP/s | µs per product |");
    report.add("|---|---|---:|---:|");
    for (RunResult r : results) {
      String value = r.getParams().getParam(param);
      int[] s = shapeOf.apply(value);
      double ns = nanos(r);
      report.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %.1f |",
              value,
              r.getParams().getParam("dtype").toUpperCase(Locale.ROOT),
              2.0 * s[0] * s[1] * s[2] / ns,
              ns / 1000));
    }
  }

  /**
   * The {@code quick} mode: every product of the square and skinny sections, on one thread and on
   * two, timed one by one in this JVM for a fixed time each (1 s, 3 s from n = 1024), after a
   * warm-up pass over all of them; prints the fastest and the median product. One JVM warms the
   * kernels once: on a machine so loaded that JMH forks spend their warm-up waiting for the JIT
   * compiler threads, this still gives the kernels' speed (the fastest product) next to what the
   * load leaves of it (the median). Not a substitute for the JMH tables on an idle machine.
   */
  static void quickTables(List<String> sections, List<String> dtypes) {
    List<String> shapes = new ArrayList<>();
    if (sections.contains("square")) {
      for (String n : new String[] {"256", "512", "1024", "2048"}) {
        shapes.add(n + "x" + n + "x" + n);
      }
    }
    if (sections.contains("skinny")) {
      try {
        shapes.addAll(List.of(Skinny.class.getField("shape").getAnnotation(Param.class).value()));
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    List<String> report = new ArrayList<>();
    report.add("");
    report.add(
        "| shape m×k·k×n[:layout] | dtype | 1 thread best | median | 2 threads best | median |"
            + " 2 ÷ 1 (best) |");
    report.add("|---|---|---:|---:|---:|---:|---:|");
    for (boolean warmUp : new boolean[] {true, false}) {
      for (String shape : shapes) {
        int[] s = parseShape(shape);
        String layout = shape.contains(":") ? shape.substring(shape.indexOf(':') + 1) : "NN";
        double flops = 2.0 * s[0] * s[1] * s[2];
        double seconds = flops > 1e9 ? 3 : 1;
        for (String dtype : dtypes) {
          Operands x =
              new Operands(
                  dtype, s[0], s[2], s[1], layout.charAt(0) == 'T', layout.charAt(1) == 'T');
          double[][] times = new double[2][];
          for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            times[threads - 1] = timeProducts(x, warmUp ? seconds / 2 : seconds);
          }
          Parallel.setThreads(Runtime.getRuntime().availableProcessors());
          if (!warmUp) {
            report.add(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %.1f | %.1f | %.1f | %.2f |",
                    shape,
                    dtype.toUpperCase(Locale.ROOT),
                    flops / times[0][0],
                    flops / times[0][1],
                    flops / times[1][0],
                    flops / times[1][1],
                    times[0][0] / times[1][0]));
          }
        }
      }
    }
    report.add("");
    report.add("GFLOP/s of the fastest and the median product, timed one by one in one JVM.");
    report.forEach(System.out::println);
  }

  /** Runs {@code x} for about {@code seconds} (at least 3 times): {fastest, median} in ns. */
  private static double[] timeProducts(Operands x, double seconds) {
    List<Long> times = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end || times.size() < 3) {
      long t0 = System.nanoTime();
      x.run();
      times.add(System.nanoTime() - t0);
    }
    times.sort(null);
    return new double[] {times.get(0), times.get(times.size() / 2)};
  }

  /** Nanoseconds per product: the mean, or with {@code best} the fastest sample. */
  private static double nanos(RunResult r) {
    return best ? r.getPrimaryResult().getStatistics().getMin() : r.getPrimaryResult().getScore();
  }

  /** {@code "MxKxN"} or {@code "MxKxN:layout"} → {@code {M, K, N}}. */
  static int[] parseShape(String shape) {
    int colon = shape.indexOf(':');
    String[] parts = (colon < 0 ? shape : shape.substring(0, colon)).split("x");
    return new int[] {
      Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])
    };
  }
}
