package org.vecgrad.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.vecgrad.kernel.Parallel;
import org.vecgrad.kernel.Simd;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.kernel.UnaryKernels;

/**
 * Nanoseconds per element of the elementwise kernels over 2²⁰ doubles, the SIMD loop ({@code map})
 * against its scalar twin ({@code mapScalar}) in the same run, one thread (no parallel split).
 *
 * <p>{@code main} runs the benchmark with short settings and prints one line per kernel with the
 * two timings and their ratio: {@code java --add-modules jdk.incubator.vector -cp
 * bench/target/classes:$(cat bench/target/classpath.txt) org.vecgrad.bench.ElementwiseBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@OperationsPerInvocation(ElementwiseBench.N)
public class ElementwiseBench {
  /** Elements per call. */
  static final int N = 1 << 20;

  private static final Map<String, UnaryKernel> KERNELS =
      Map.of(
          "relu", UnaryKernels.RELU,
          "sigmoid", UnaryKernels.SIGMOID,
          "tanh", UnaryKernels.TANH,
          "exp", UnaryKernels.EXP);

  /** The kernel measured. */
  @Param({"relu", "sigmoid", "tanh", "exp"})
  public String kernel;

  private UnaryKernel k;
  private double[] x;
  private double[] out;
  private int n = N;

  /** Inputs uniform in [-10, 10] (both branches of relu and sigmoid, no overflow in exp). */
  @Setup
  public void setup() {
    k = KERNELS.get(kernel);
    Random r = new Random(42);
    x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 20 * r.nextDouble() - 10;
    }
    out = new double[n];
    Simd.setEnabled(true);
    Parallel.setThreads(1); // the loops themselves; the scalar twin never splits
  }

  /** The SIMD loop. */
  @Benchmark
  public double[] simd() {
    k.map(x, 0, out, 0, n);
    return out;
  }

  /** The scalar twin. */
  @Benchmark
  public double[] scalar() {
    k.mapScalar(x, 0, out, 0, n);
    return out;
  }

  /**
   * Runs the benchmark and prints ns/element for both loops and the speed-up. With {@code
   * --interleaved} it skips JMH and times SIMD and scalar calls alternately (median of 15 pairs
   * after warm-up), which keeps the ratio meaningful on a machine shared with other work.
   */
  public static void main(String[] args) throws RunnerException {
    Map<String, double[]> table = new TreeMap<>();
    int elements = N;
    if (args.length > 0 && args[0].equals("--interleaved")) {
      elements = args.length > 1 ? Integer.parseInt(args[1]) : N;
      for (String name : KERNELS.keySet()) {
        table.put(name, interleaved(name, elements));
      }
    } else {
      Collection<RunResult> results =
          new Runner(new OptionsBuilder().include(ElementwiseBench.class.getName() + "\\.").build())
              .run();
      for (RunResult r : results) {
        String name = r.getParams().getParam("kernel");
        boolean simd = r.getParams().getBenchmark().endsWith(".simd");
        table.computeIfAbsent(name, s -> new double[2])[simd ? 0 : 1] =
            r.getPrimaryResult().getScore();
      }
    }
    System.out.println("SIMD: " + Simd.describe() + ", " + elements + " doubles per call");
    System.out.printf("%-8s %12s %12s %8s%n", "kernel", "simd ns/elt", "scalar", "speedup");
    table.forEach(
        (name, t) ->
            System.out.printf("%-8s %12.3f %12.3f %7.1fx%n", name, t[0], t[1], t[1] / t[0]));
  }

  /** Median ns/element of SIMD and scalar calls timed in alternation ({@link Harness}). */
  private static double[] interleaved(String name, int elements) {
    ElementwiseBench b = new ElementwiseBench();
    b.kernel = name;
    b.n = elements;
    b.setup();
    int calls = Math.max(1, (1 << 20) / elements); // about 2^20 elements per timing
    Harness.Budget budget = new Harness.Budget(0, 30, 15, 0);
    Harness.Result[] r =
        Harness.measure(
            budget,
            (long) elements * calls,
            () -> {
              for (int c = 0; c < calls; c++) {
                b.simd();
              }
            },
            () -> {
              for (int c = 0; c < calls; c++) {
                b.scalar();
              }
            });
    return new double[] {r[0].wallNs(), r[1].wallNs()};
  }
}
