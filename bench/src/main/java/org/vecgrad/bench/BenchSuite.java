package org.vecgrad.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.op.Exp;
import org.vecgrad.autodiff.op.Relu;
import org.vecgrad.autodiff.op.Sigmoid;
import org.vecgrad.autodiff.op.Tanh;
import org.vecgrad.bench.BenchTable.Better;
import org.vecgrad.kernel.Parallel;
import org.vecgrad.kernel.Simd;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * The benchmarks of {@code ./vecgrad bench} in one run, as one {@link BenchTable}: matrix
 * multiplication, elementwise kernels, the scalar chain (tape overhead), curvature products and the
 * MLP train step. Each figure is compared with a reference measured in the same run where Java has
 * one (the naive triple loop, EJML, the scalar twin of a SIMD loop, one thread against two) and
 * with the figures recorded on the reference machine ({@link Baselines}) otherwise, or, given
 * {@link TorchAnchors}, with PyTorch measured on this machine in rounds between ours (paired
 * rounds: each of ours, then one of PyTorch's, in the same minutes of a shared host).
 *
 * <p>Everything runs on one thread ({@code Parallel.setThreads(1)}), like the baselines, except the
 * two-thread matmul row. Measurements go through {@link Harness}, the loop the individual benchmark
 * mains use too; the products and ops are called through the public tensor API ({@code forward} of
 * the ops, on F64 and F32 tensors), so native F32 kernels show up here as they land.
 *
 * <p>{@link #main} takes the options of {@code ./vecgrad bench}: {@code --quick} and {@code --only
 * matmul,elementwise,scalar,curvature,train}.
 */
public final class BenchSuite {
  /** The sections, in the order they run and print. */
  public static final List<String> SECTIONS =
      List.of("matmul", "elementwise", "scalar", "curvature", "train");

  /** The sections with a PyTorch anchor, which {@code --torch} measures on this machine. */
  public static final List<String> TORCH_SECTIONS =
      List.of("matmul", "elementwise", "scalar", "curvature", "train");

  /**
   * The sections whose PyTorch anchors come from whole runs of the script before and after the
   * section rather than from rounds paired with ours: the curvature anchors are ratios within
   * PyTorch (a product ÷ a gradient), which a drift of the host moves little.
   */
  private static final List<String> TORCH_BEFORE_AND_AFTER = List.of("curvature");

  private final boolean quick;
  private final Harness.Budget budget;
  private final PrintStream log;
  private final TorchAnchors torch;
  private final BenchTable table = new BenchTable();

  /**
   * Rows compared with PyTorch measured here, by the key of their figure: their reference is set
   * again from every reading once a section's runs before and after it are in.
   */
  private final List<TorchRow> torchRows = new ArrayList<>();

  /** A row whose reference is PyTorch's figure {@code key}, shown as {@code label}. */
  private record TorchRow(BenchTable.Row row, String key, String label) {}

  /** The core probe just before each section that ran, in run order (GFLOP/s). */
  private final Map<String, Double> sectionProbes = new LinkedHashMap<>();

  /** Whether this is a {@code --quick} run. */
  boolean quick() {
    return quick;
  }

  /** The budget of each measurement. */
  Harness.Budget budget() {
    return budget;
  }

  /** Where progress lines go. */
  PrintStream log() {
    return log;
  }

  /** The table the sections add their rows to. */
  BenchTable table() {
    return table;
  }

  private BenchSuite(boolean quick, TorchAnchors torch, PrintStream log) {
    this.quick = quick;
    this.budget = quick ? Harness.Budget.quick() : Harness.Budget.full();
    this.torch = torch;
    this.log = log;
  }

  /**
   * Runs the named sections and returns the table.
   *
   * @param quick small sizes and short rounds (under a minute for everything on an idle machine)
   * @param sections a subset of {@link #SECTIONS}
   * @param log progress lines (one per measurement) go here
   * @throws IllegalArgumentException on an unknown section name
   */
  public static BenchTable run(boolean quick, Set<String> sections, PrintStream log) {
    return run(quick, sections, null, log);
  }

  /**
   * Runs the named sections and returns the table, comparing with PyTorch measured on this machine
   * ({@code torch}: in rounds paired with ours, the curvature anchors in whole runs before and
   * after that section) where it is given, else with the recorded baselines. The caller closes
   * {@code torch}.
   *
   * @param torch the PyTorch anchors to measure here, or null for the recorded ones
   * @throws IllegalArgumentException on an unknown section name
   * @throws IllegalStateException if the PyTorch script fails
   */
  public static BenchTable run(
      boolean quick, Set<String> sections, TorchAnchors torch, PrintStream log) {
    requireKnown(sections);
    BenchSuite suite = new BenchSuite(quick, torch, log);
    String loadBefore = loadAverage();
    double probeSeconds = quick ? 0.1 : 0.3;
    log.printf("  core probe ...%n");
    double probeBefore = CoreProbe.gflops(probeSeconds);
    int threads = Parallel.threads();
    boolean simd = Simd.enabled();
    try {
      Parallel.setThreads(1);
      Simd.setEnabled(true);
      for (String s : SECTIONS) {
        if (!sections.contains(s)) {
          continue;
        }
        // A section's garbage must not tax the next. After the scalar section (a promoted
        // 10⁶-node tape) the curvature products ran 2–3× slower, CPU time included, in 5 of 6
        // runs; with a full collection here, 0 of 4. Likely the collector working through that
        // garbage on the other core of a 2-core machine while the products ran.
        System.gc();
        if (torch != null && TORCH_BEFORE_AND_AFTER.contains(s)) {
          log.printf("  PyTorch %s (bench/torch/anchors.py) ...%n", s);
          torch.measure(s);
        }
        suite.sectionProbes.put(s, CoreProbe.gflops(probeSeconds));
        switch (s) {
          case "matmul" -> {
            MatMulSection matmul = new MatMulSection(suite);
            matmul.run(DType.F64);
            matmul.run(DType.F32);
          }
          case "elementwise" -> suite.elementwise();
          case "scalar" -> suite.scalarChain();
          case "curvature" -> suite.curvature();
          case "train" -> suite.train();
          default -> throw new AssertionError(s);
        }
        if (torch != null && TORCH_BEFORE_AND_AFTER.contains(s)) {
          // PyTorch again, after ours: its reference becomes the mean of the two runs, so that a
          // drift of the shared host during the section no longer falls on one side of a ratio
          log.printf("  PyTorch %s again (bench/torch/anchors.py) ...%n", s);
          torch.measure(s);
          suite.rereadTorchRows();
        }
      }
    } finally {
      Parallel.setThreads(threads);
      Simd.setEnabled(simd);
    }
    log.printf("  core probe ...%n");
    double probeAfter = CoreProbe.gflops(probeSeconds);
    suite.notes(loadBefore, loadAverage(), probeBefore, probeAfter);
    return suite.table;
  }

  /**
   * Checks section names.
   *
   * @throws IllegalArgumentException naming the first unknown section and the known ones
   */
  public static void requireKnown(Set<String> sections) {
    for (String s : sections) {
      if (!SECTIONS.contains(s)) {
        throw new IllegalArgumentException(
            "unknown section '" + s + "' (known: " + String.join(", ", SECTIONS) + ")");
      }
    }
  }

  /** Parses {@code --only a,b,c}: the sections named, or all of them for null. */
  public static Set<String> sections(String only) {
    if (only == null || only.isBlank()) {
      return new LinkedHashSet<>(SECTIONS);
    }
    Set<String> s = new LinkedHashSet<>();
    for (String part : only.split(",")) {
      if (!part.isBlank()) {
        s.add(part.trim());
      }
    }
    return s;
  }

  /** One line on the machine and the JVM, for the head of the output. */
  public static String describeMachine() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, Java %s, SIMD %s",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Simd.describe());
  }

  /**
   * Compares {@code row} with PyTorch: the figure measured here under {@code key} when the run has
   * {@code --torch}, else the one {@code recorded} on the reference machine.
   */
  private BenchTable.Row vsTorch(BenchTable.Row row, String key, double recorded) {
    return vsReference(row, key, "PyTorch", recorded, "PyTorch");
  }

  /**
   * One round of PyTorch's figure {@code key}, to run after each round of ours ({@link
   * Harness#measurePaired}), or null without {@code --torch}.
   */
  Runnable torchRound(String key) {
    return torch == null ? null : () -> torch.round(key);
  }

  /**
   * The figure {@code bench/torch/anchors.py} printed under {@code key} (labelled {@code
   * hereLabel}) when the run has {@code --torch}, else the one {@code recorded} on the Zen 3.
   *
   * @throws IllegalStateException if the script did not print a positive figure for {@code key}
   */
  BenchTable.Row vsReference(
      BenchTable.Row row, String key, String recordedLabel, double recorded, String hereLabel) {
    if (torch == null) {
      return row.vs(recordedLabel, recorded, BenchTable.BASELINE);
    }
    double here = torch.figure(key);
    if (!(here > 0)) {
      throw new IllegalStateException(
          "bench --torch: bench/torch/anchors.py printed no positive figure for " + key);
    }
    torchRows.add(new TorchRow(row, key, hereLabel));
    return row.vs(hereLabel, here, TorchAnchors.SOURCE);
  }

  /** Sets the PyTorch-here rows' references again from every reading so far. */
  private void rereadTorchRows() {
    for (TorchRow r : torchRows) {
      r.row().vs(r.label(), torch.figure(r.key()), TorchAnchors.SOURCE);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // elementwise

  private void elementwise() {
    String[] names = {"relu", "sigmoid", "tanh", "exp"};
    Op[] ops = {Relu.INSTANCE, Sigmoid.INSTANCE, Tanh.INSTANCE, Exp.INSTANCE};
    int n = 1 << 20;
    for (DType dt : new DType[] {DType.F32, DType.F64}) {
      Tensor x = Tensor.rand(Shape.of(n), -10, 10, 42).cast(dt);
      for (int i = 0; i < ops.length; i++) {
        Op op = ops[i];
        Runnable simd =
            () -> {
              Simd.setEnabled(true);
              Harness.sink = op.forward(x);
            };
        Runnable scalar =
            () -> {
              Simd.setEnabled(false);
              Harness.sink = op.forward(x);
            };
        // the result's storage leased from a workspace opened and closed around each call: the
        // array comes back warm and unzeroed, as PyTorch's caching allocator hands it back
        Runnable leased =
            () -> {
              Simd.setEnabled(true);
              try (Workspace ws = Workspace.open()) {
                Harness.sink = op.forward(x).size();
              }
            };
        Harness.Result[] r;
        try {
          r =
              timePaired(
                  budget,
                  n,
                  names[i] + " " + dt + " 1M SIMD / scalar twin / SIMD in a workspace",
                  dt == DType.F32 ? torchRound("elementwise." + names[i] + ".F32") : null,
                  simd,
                  scalar,
                  leased);
        } finally {
          Simd.setEnabled(true);
        }
        String label = names[i] + " " + dt + " 1M";
        double ns = r[0].wallNs();
        table
            .row("elementwise", label, ns, "ns/elt", LO)
            .vs("scalar twin", r[1].wallNs(), BenchTable.IN_RUN);
        if (dt == DType.F32) {
          BenchTable.Row row =
              vsTorch(
                  table.row("elementwise", label, ns, "ns/elt", LO),
                  "elementwise." + names[i] + ".F32",
                  Baselines.TORCH_ELEMENTWISE_F32_NS[i]);
          if (i > 0) {
            row.targetRatio(Baselines.TARGET_ELEMENTWISE);
          }
          String leasedLabel = label + ", workspace";
          table
              .row("elementwise", leasedLabel, r[2].wallNs(), "ns/elt", LO)
              .vs("fresh result", ns, BenchTable.IN_RUN);
          vsTorch(
              table.row("elementwise", leasedLabel, r[2].wallNs(), "ns/elt", LO),
              "elementwise." + names[i] + ".F32",
              Baselines.TORCH_ELEMENTWISE_F32_NS[i]);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // scalar chain, curvature, train step

  private void scalarChain() {
    int ops = 10_000;
    log.printf("  scalar chain of %d ops ...%n", ops);
    Harness.Result r = ScalarChainBench.measure(budget, ops, torchRound("scalar.F64"));
    log.printf("    %s per op%n", r);
    vsTorch(
            table.row("scalar", "scalar chain F64 fwd+bwd", r.wallNs(), "ns/op", LO),
            "scalar.F64",
            Baselines.TORCH_SCALAR_CHAIN_NS_F64)
        .targetFigure(Baselines.TARGET_SCALAR_CHAIN_NS);
    // what the tape costs in memory: every op's node, Var, tensor and array, and the sweep's
    // cotangents (deterministic, unlike the time on a shared machine)
    table.row("scalar", "scalar chain, allocated", r.bytes(), "B/op", LO);
    // linear growth: the cost per node of a long tape against a short one, in CPU time (all
    // threads, so the collector's copying of a large live tape counts too)
    int longOps = quick ? 100_000 : 1_000_000;
    Harness.Budget few = new Harness.Budget(0, 2, quick ? 3 : 5, 0);
    log.printf("  scalar chain of %,d ops (tape growth) ...%n", longOps);
    Harness.Result shortTape = ScalarChainBench.measure(few, 1_000);
    Harness.Result longTape = ScalarChainBench.measure(few, longOps);
    log.printf("    %s per op (10³: %s)%n", longTape, shortTape);
    table
        .row(
            "scalar",
            String.format(Locale.ROOT, "tape growth: CPU per op at %,d ops", longOps),
            longTape.cpuNs(),
            "ns/op",
            LO)
        .vs("10³ ops", shortTape.cpuNs(), BenchTable.IN_RUN)
        .target("ratio ≥ 0.5 (near flat)", shortTape.cpuNs() / longTape.cpuNs() >= 0.5);
  }

  private void curvature() {
    log.println("  curvature products, MLP 784-256-256-10 batch 128 F64 ...");
    CurvatureBench.Timings t = CurvatureBench.measure(budget);
    log.printf(
        "    gradient %s%n    G·v %s%n    H·v %s%n", t.gradient(), t.gaussNewton(), t.hessian());
    double grad = t.gradient().wallNs();
    vsTorch(
            table.row(
                "curvature", "GN product ÷ gradient", t.gaussNewton().wallNs() / grad, "×", LO),
            "curvature.gn",
            Baselines.TORCH_GN_RATIO)
        .targetFigure(Baselines.TARGET_GN_RATIO);
    vsTorch(
            table.row("curvature", "HVP ÷ gradient", t.hessian().wallNs() / grad, "×", LO),
            "curvature.hvp",
            Baselines.TORCH_HVP_RATIO)
        .targetFigure(Baselines.TARGET_HVP_RATIO);
  }

  private void train() {
    String[] dtypes = {"F32", "F64"};
    int[] batches = {128, 32};
    List<String[]> alloc = new ArrayList<>();
    for (int bi = 0; bi < batches.length; bi++) {
      for (int di = 0; di < dtypes.length; di++) {
        String what = "train step " + dtypes[di] + " batch " + batches[bi];
        log.printf("  %s ...%n", what);
        String key = "train." + dtypes[di] + "." + batches[bi];
        Harness.Result r =
            TrainStepBenchmark.measure(dtypes[di], batches[bi], budget, torchRound(key));
        log.printf("    %s per step%n", r);
        vsTorch(
                table.row("train", what, batches[bi] * r.perSecond(), "samples/s", HI),
                key,
                Baselines.TORCH_TRAIN_SAMPLES[di][bi])
            .targetRatio(Baselines.TARGET_TRAIN[bi]);
        alloc.add(new String[] {what, Double.toString(r.bytes() / (1 << 20))});
      }
    }
    for (String[] a : alloc) {
      table.row("train", a[0] + ", allocated", Double.parseDouble(a[1]), "MB/step", LO);
    }
    // what the workspace and the in-place update buy: the same F32 steps with every intermediate
    // allocated afresh, or with new parameter arrays per step, each measured right after the full
    // configuration, so that each ratio is of two measurements taken one after the other
    for (int batch : batches) {
      String what = "train step F32 batch " + batch;
      log.printf("  %s without a workspace, and with new parameter values ...%n", what);
      Harness.Result with = TrainStepBenchmark.measure("F32", batch, budget, true, true);
      Harness.Result without = TrainStepBenchmark.measure("F32", batch, budget, false, true);
      Harness.Result again = TrainStepBenchmark.measure("F32", batch, budget, true, true);
      Harness.Result newValues = TrainStepBenchmark.measure("F32", batch, budget, true, false);
      log.printf(
          "    without a workspace %s, new values %s per step (full: %s, %s)%n",
          without, newValues, with, again);
      table
          .row("train", what + ", workspace", batch * with.perSecond(), "samples/s", HI)
          .vs("no workspace", batch * without.perSecond(), BenchTable.IN_RUN);
      table
          .row("train", what + ", workspace, allocated", with.bytes() / (1 << 20), "MB/step", LO)
          .vs("no workspace", without.bytes() / (1 << 20), BenchTable.IN_RUN);
      table
          .row("train", what + ", in-place SGD", batch * again.perSecond(), "samples/s", HI)
          .vs("new values", batch * newValues.perSecond(), BenchTable.IN_RUN);
      table
          .row(
              "train", what + ", in-place SGD, allocated", again.bytes() / (1 << 20), "MB/step", LO)
          .vs("new values", newValues.bytes() / (1 << 20), BenchTable.IN_RUN);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static final Better HI = Better.HIGHER;
  private static final Better LO = Better.LOWER;

  Harness.Result[] time(double opsPerCall, String what, Runnable... bodies) {
    return time(budget, opsPerCall, what, bodies);
  }

  Harness.Result[] time(Harness.Budget b, double opsPerCall, String what, Runnable... bodies) {
    return timePaired(b, opsPerCall, what, null, bodies);
  }

  /**
   * {@link Harness#measurePaired} with one progress line ({@code afterRound}: a round of PyTorch
   * after each of ours, or null); {@code opsPerCall} may exceed a long's precision needs (flops),
   * so results are rescaled here.
   */
  Harness.Result[] timePaired(
      Harness.Budget b, double opsPerCall, String what, Runnable afterRound, Runnable... bodies) {
    log.printf("  %s%s ...%n", what, afterRound != null ? " (rounds paired with PyTorch's)" : "");
    Harness.Result[] perCall = Harness.measurePaired(b, 1, afterRound, bodies);
    Harness.Result[] perOp = new Harness.Result[perCall.length];
    for (int i = 0; i < perCall.length; i++) {
      Harness.Result r = perCall[i];
      perOp[i] =
          new Harness.Result(
              r.wallNs() / opsPerCall,
              r.p10Ns() / opsPerCall,
              r.p90Ns() / opsPerCall,
              r.cpuNs() / opsPerCall,
              r.bytes() / opsPerCall,
              r.rounds(),
              r.callsPerRound());
      log.printf("    %s per call%n", r);
    }
    return perOp;
  }

  private void notes(String loadBefore, String loadAfter, double probeBefore, double probeAfter) {
    String[] lines = {
      "",
      "ratio: times better than the reference (figure ÷ reference for rates, reference ÷ figure",
      "for costs); above 1 vecgrad is ahead. in-run: measured in this run, on this machine,",
      "interleaved with the figure; baseline Zen 3: shared/bench/baselines.md, a 2-vCPU AMD EPYC",
      "Zen 3 (AVX2), not this machine. One thread throughout except the 2-thread matmul rows;",
      "F32 and F64 through the ops' forward on tensors of that dtype. Train steps: GradientStep",
      "(in a workspace) with SGD updating in place, as PyTorch's SGD does. Medians of "
          + budget.rounds()
          + " rounds"
          + (quick ? " (--quick)." : "."),
      "Load average (1 min) before / after: "
          + loadBefore
          + " / "
          + loadAfter
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores; above the core count, other processes",
      "competed for the cores and the wall-time figures suffer (the in-run ratios less so).",
      String.format(
          Locale.ROOT,
          "Core probe (F64 FMAs on registers, one thread): %.1f GFLOP/s before / %.1f after (the",
          probeBefore,
          probeAfter),
      "Zen 3 of the baselines: 51). On a shared host it swings with the neighbours' load; the",
      "wall-time figures of a run swing with it. Just before each section: "
          + sectionProbes()
          + ".",
      torch != null
          ? torch.describe()
          : "PyTorch: the figures recorded on the Zen 3 (./vecgrad bench --torch measures them here)."
    };
    for (String line : lines) {
      table.note(line);
    }
  }

  /**
   * The core probe read just before each section, e.g. {@code "matmul 64.1, train 51.9 GFLOP/s"}.
   */
  private String sectionProbes() {
    StringBuilder b = new StringBuilder();
    sectionProbes.forEach(
        (section, gflops) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.1f", section, gflops)));
    return b.append(" GFLOP/s").toString();
  }

  /** The 1-minute load average ({@code /proc/loadavg}), or "?" where there is none. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
    } catch (IOException | RuntimeException e) {
      double l =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return l < 0 ? "?" : String.format(Locale.ROOT, "%.2f", l);
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  /**
   * Runs {@code ./vecgrad bench} without the launcher: {@code [--quick] [--only a,b]}; progress to
   * stderr, the table to stdout.
   */
  public static void main(String[] args) {
    boolean quick = false;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--quick")) {
        quick = true;
      } else if (args[i].equals("--only") && i + 1 < args.length) {
        only = args[++i];
      } else if (args[i].startsWith("--only=")) {
        only = args[i].substring("--only=".length());
      } else {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    System.out.println(describeMachine());
    System.out.println();
    System.out.print(run(quick, sections(only), System.err).render());
  }
}
