package org.vecgrad.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
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
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.Parallel;
import org.vecgrad.kernel.Simd;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.kernel.UnaryKernels;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Nanoseconds per element of the elementwise kernels over 2²⁰ elements, in F64 and F32: the SIMD
 * loop ({@code map}) against its scalar twin ({@code mapScalar}) in the same run, one thread (no
 * parallel split), and the public op path ({@code Ops.relu} etc. on a tensor of that dtype,
 * allocation of the result included).
 *
 * <p>{@code main} runs the benchmark with short settings and prints one line per kernel and dtype
 * with the timings and the SIMD speed-up: {@code java --add-modules jdk.incubator.vector -cp
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

  private static final Map<String, UnaryOperator<Var>> OPS =
      Map.of("relu", Ops::relu, "sigmoid", Ops::sigmoid, "tanh", Ops::tanh, "exp", Ops::exp);

  /** The kernel measured. */
  @Param({"relu", "sigmoid", "tanh", "exp"})
  public String kernel;

  /** The element type. */
  @Param({"F32", "F64"})
  public String dtype;

  private UnaryKernel k;
  private UnaryOperator<Var> op;
  private boolean f32;
  private double[] x;
  private double[] out;
  private float[] xf;
  private float[] outf;
  private Var input;
  private int n = N;

  /** Inputs uniform in [-10, 10] (both branches of relu and sigmoid, no overflow in exp). */
  @Setup
  public void setup() {
    k = KERNELS.get(kernel);
    op = OPS.get(kernel);
    f32 = DType.valueOf(dtype) == DType.F32;
    Random r = new Random(42);
    x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 20 * r.nextDouble() - 10;
    }
    out = new double[n];
    Tensor t = Tensor.wrap(Shape.of(n), x.clone());
    xf = t.toFloatArray();
    outf = new float[n];
    input = Var.constant(t.cast(DType.valueOf(dtype)));
    Simd.setEnabled(true);
    Parallel.setThreads(1); // the loops themselves; the scalar twin never splits
  }

  /** The SIMD loop. */
  @Benchmark
  public Object simd() {
    if (f32) {
      k.map(xf, 0, outf, 0, n);
      return outf;
    }
    k.map(x, 0, out, 0, n);
    return out;
  }

  /** The scalar twin. */
  @Benchmark
  public Object scalar() {
    if (f32) {
      k.mapScalar(xf, 0, outf, 0, n);
      return outf;
    }
    k.mapScalar(x, 0, out, 0, n);
    return out;
  }

  /** The public op on a tensor of the dtype (a new result tensor per call). */
  @Benchmark
  public Tensor op() {
    return op.apply(input).value();
  }

  /**
   * Runs the benchmark and prints ns/element for the loops, the op and the SIMD speed-up. With
   * {@code --interleaved} it skips JMH and times the calls alternately (median of 15 rounds after
   * warm-up), which keeps the ratios meaningful on a machine shared with other work.
   */
  public static void main(String[] args) throws RunnerException {
    Map<String, double[]> table = new TreeMap<>();
    int elements = N;
    if (args.length > 0 && args[0].equals("--interleaved")) {
      elements = args.length > 1 ? Integer.parseInt(args[1]) : N;
      for (String name : KERNELS.keySet()) {
        for (String dt : new String[] {"F32", "F64"}) {
          table.put(name + " " + dt, interleaved(name, dt, elements));
        }
      }
    } else {
      Collection<RunResult> results =
          new Runner(new OptionsBuilder().include(ElementwiseBench.class.getName() + "\\.").build())
              .run();
      for (RunResult r : results) {
        String name = r.getParams().getParam("kernel") + " " + r.getParams().getParam("dtype");
        String bench = r.getParams().getBenchmark();
        int col = bench.endsWith(".simd") ? 0 : bench.endsWith(".scalar") ? 1 : 2;
        table.computeIfAbsent(name, s -> new double[3])[col] = r.getPrimaryResult().getScore();
      }
    }
    System.out.println("SIMD: " + Simd.describe() + ", " + elements + " elements per call");
    System.out.printf(
        "%-12s %12s %12s %12s %8s%n", "kernel", "simd ns/elt", "scalar", "op", "speedup");
    table.forEach(
        (name, t) ->
            System.out.printf(
                "%-12s %12.3f %12.3f %12.3f %7.1fx%n", name, t[0], t[1], t[2], t[1] / t[0]));
  }

  /** Median ns/element of SIMD, scalar and op calls timed in alternation ({@link Harness}). */
  private static double[] interleaved(String name, String dtype, int elements) {
    ElementwiseBench b = new ElementwiseBench();
    b.kernel = name;
    b.dtype = dtype;
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
            },
            () -> {
              for (int c = 0; c < calls; c++) {
                b.op();
              }
            });
    return new double[] {r[0].wallNs(), r[1].wallNs(), r[2].wallNs()};
  }
}
