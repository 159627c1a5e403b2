package org.vecgrad.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PyTorch's figures for the bench table's anchors, measured on this machine by {@code
 * bench/torch/anchors.py} ({@code ./vecgrad bench --torch}) instead of read from the reference
 * machine's record ({@link Baselines}).
 *
 * <p>The recorded baselines come from another CPU; the targets are ratios to PyTorch, so the fair
 * reference is PyTorch on the same machine, in the same minutes (this host's speed drifts by up to
 * 2× from one minute to the next). Two ways of asking the script:
 *
 * <ul>
 *   <li>{@link #round}: one timed round of one figure, now. The script runs as a server ({@code
 *       --serve}), kept open for the whole run; the suite asks for a round of PyTorch after each
 *       round of its own ({@link Harness#measurePaired}), so each pair of rounds sees the same
 *       load, and the figure is the median of PyTorch's rounds, like ours.
 *   <li>{@link #measure}: a whole section in a separate run of the script, which prints one {@code
 *       key value} line per figure; the suite does this before and after its curvature section,
 *       whose anchors are ratios within PyTorch (a product ÷ a gradient).
 * </ul>
 *
 * <p>Keys are {@code train.F32.128}, {@code scalar.F64}, {@code elementwise.sigmoid.F32}, {@code
 * matmul.F64.1024}, {@code curvature.gn}, ... The script also prints {@code threads N}, {@code
 * blas_threads N} and {@code torch VERSION}. Torch runs on one thread, like the rest of the table.
 * Close the anchors when done ({@link #close}): that ends the server.
 */
public final class TorchAnchors implements AutoCloseable {
  /** The source column of rows compared with PyTorch measured here. */
  public static final String SOURCE = "PyTorch here";

  private static final long TIMEOUT_MINUTES = 20;

  private final String python;
  private final Path script;
  private final boolean quick;

  /** Every reading of each key: one per round, or per whole run of its section. */
  private final Map<String, List<Double>> readings = new LinkedHashMap<>();

  private String version = "?";

  /** The script in {@code --serve} mode, started by the first {@link #round}; null until then. */
  private TorchServer server;

  /** The rounds asked of the server, per key (for the notes). */
  private final Map<String, Integer> rounds = new LinkedHashMap<>();

  private TorchAnchors(String python, Path script, boolean quick) {
    this.python = python;
    this.script = script;
    this.quick = quick;
  }

  /**
   * The anchors measured with {@code python} (null or blank: {@code /usr/bin/python3} where it
   * exists, else {@code python3} on the path).
   *
   * @throws IllegalArgumentException if {@code bench/torch/anchors.py} is not found in the working
   *     directory or one of its parents, or the interpreter cannot import torch
   */
  public static TorchAnchors with(String python, boolean quick) {
    String interpreter =
        python != null && !python.isBlank()
            ? python
            : Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    TorchAnchors anchors = new TorchAnchors(interpreter, findScript(), quick);
    anchors.version = importTorch(interpreter);
    return anchors;
  }

  /** Torch's version as {@code python} imports it; fails early, before any benchmark runs. */
  private static String importTorch(String python) {
    List<String> command = List.of(python, "-c", "import torch; print(torch.__version__)");
    Run r;
    try {
      r = run(command, 2);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (r.exit() != 0 || r.lines().isEmpty()) {
      throw new IllegalArgumentException(
          failure(command, "cannot import torch", r.lines()).getMessage());
    }
    return r.lines().get(r.lines().size() - 1).trim();
  }

  /** What a finished process printed (stdout and stderr together) and its exit status. */
  private record Run(int exit, List<String> lines) {}

  /**
   * Runs {@code command} to its end, at most {@code minutes}. The output goes to a file, not a
   * pipe, so that waiting with a timeout cannot hang on a full pipe or on a process that never
   * closes its output.
   *
   * @throws IllegalStateException if it cannot start, times out or the wait is interrupted
   */
  private static Run run(List<String> command, long minutes) {
    try {
      Path out = Files.createTempFile("vecgrad-torch-anchors", ".txt");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw failure(command, "did not finish in " + minutes + " minutes", List.of());
        }
        return new Run(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw failure(command, "could not start: " + e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(command, "interrupted", List.of());
    }
  }

  private static Path findScript() {
    Path rel = Path.of("bench", "torch", "anchors.py");
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(rel))) {
        return dir.resolve(rel);
      }
    }
    throw new IllegalArgumentException(
        "bench --torch: "
            + rel
            + " not found in "
            + Path.of("").toAbsolutePath()
            + " or its parents (run from the project)");
  }

  /**
   * Runs the script for one section ({@code train}, {@code scalar}, {@code elementwise} or {@code
   * curvature}) and keeps its figures.
   *
   * @throws IllegalStateException if the script fails, times out or prints nothing usable; the
   *     message carries its last lines and how to install PyTorch
   */
  public void measure(String section) {
    List<String> command = new ArrayList<>(List.of(python, script.toString(), "--only", section));
    command.addAll(List.of("--threads", "1"));
    if (quick) {
      command.add("--quick");
    }
    Run r = run(command, TIMEOUT_MINUTES);
    if (r.exit() != 0) {
      throw failure(command, "exit status " + r.exit(), r.lines());
    }
    List<String> lines = r.lines();
    if (parse(lines) == 0) {
      throw failure(command, "printed no figure", lines);
    }
  }

  /**
   * Times one round of PyTorch's figure {@code key} now and keeps it as one more reading of the
   * key; returns it. The first round of a key sets it up and warms it up first (1.5 s, 0.3 with
   * {@code --quick}); a round lasts at least 0.2 s (0.05).
   *
   * @throws IllegalStateException if the script fails, ends or prints something else than the key's
   *     figure; the message carries its last lines
   */
  public double round(String key) {
    if (server == null) {
      List<String> command =
          new ArrayList<>(List.of(python, script.toString(), "--serve", "--threads", "1"));
      if (quick) {
        command.add("--quick");
      }
      server = TorchServer.start(command);
      parse(server.header());
    }
    String line = server.ask(key);
    String[] kv = line.trim().split("\\s+");
    double value = kv.length == 2 && kv[0].equals(key) ? parseFigure(kv[1]) : Double.NaN;
    if (!(value > 0)) {
      throw server.failure("answered \"" + line + "\" to " + key);
    }
    readings.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    rounds.merge(key, 1, Integer::sum);
    return value;
  }

  private static double parseFigure(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Ends the server of {@link #round}, if it was started. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * Reads {@code key value} lines as one more reading of each key; {@code torch VERSION} sets the
   * version, other text is skipped. Returns the number of figures read.
   */
  int parse(List<String> lines) {
    int read = 0;
    for (String line : lines) {
      String[] kv = line.trim().split("\\s+");
      if (kv.length != 2) {
        continue;
      }
      if (kv[0].equals("torch")) {
        version = kv[1];
        continue;
      }
      try {
        double value = Double.parseDouble(kv[1]);
        readings.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(value);
        read++;
      } catch (NumberFormatException e) {
        // not a figure line (the script prints nothing else, but a warning could slip in)
      }
    }
    return read;
  }

  /**
   * The figure under {@code key}: the median of its readings (its rounds between ours, or the whole
   * runs before and after a section: then their mean), or NaN if the script has not printed it.
   */
  public double figure(String key) {
    List<Double> r = readings.get(key);
    if (r == null || r.isEmpty()) {
      return Double.NaN;
    }
    double[] v = r.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }

  /**
   * The largest ratio between two readings of one key (1 with a single reading each): how far
   * PyTorch's own figures moved during a run.
   */
  public double largestSpread() {
    double spread = 1;
    for (List<Double> r : readings.values()) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = 0;
      for (double v : r) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (lo > 0) {
        spread = Math.max(spread, hi / lo);
      }
    }
    return spread;
  }

  /**
   * One line for the table's notes. It says whether the script pinned OpenBLAS to one thread (its
   * {@code blas_threads 1} line): {@code torch.set_num_threads(1)} alone leaves Debian's pthread
   * OpenBLAS on every core, and its matrix products then ran up to twice as fast as on one.
   */
  public String describe() {
    String threads =
        figure("blas_threads") == 1
            ? "one thread (OpenBLAS too)"
            : "torch on one thread, OpenBLAS NOT pinned to one (no `blas_threads 1` line)";
    String how =
        rounds.isEmpty()
            ? "before and after each section of ours (the mean of the two runs)"
            : "in rounds between ours (paired rounds, median of PyTorch's "
                + rounds.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                + " rounds per figure"
                + (readings.containsKey("curvature.gn")
                    ? "; curvature: whole runs before and after that section)"
                    : ")");
    return String.format(
        Locale.ROOT,
        "%s: PyTorch %s measured on this machine, %s, %s; the readings of one figure ranged up to"
            + " %.2f×; %s %s",
        SOURCE,
        version,
        threads,
        how,
        largestSpread(),
        python,
        script);
  }

  /** A failure of the script, with its last lines and how to install PyTorch. */
  static IllegalStateException failure(List<String> command, String what, List<String> lines) {
    List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
    return new IllegalStateException(
        "bench --torch: "
            + String.join(" ", command)
            + ": "
            + what
            + (tail.isEmpty() ? "" : "\n  " + String.join("\n  ", tail))
            + "\n  PyTorch comes from Debian: apt-get install python3-torch libopenblas0-pthread;"
            + " --torch=PYTHON picks the interpreter");
  }
}
