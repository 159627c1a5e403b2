package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vecgrad bench --quick} on the cheap sections: the table's structure, never its timings
 * (the machine is shared; figures are noisy).
 */
class BenchCommandTest {
  private final CliCapture cli = new CliCapture();

  /** The table's rows (not the header or the rule), each split into trimmed cells. */
  private static List<List<String>> rows(String text) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("|")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      String[] parts = line.split("\\|", -1);
      for (int i = 1; i < parts.length - 1; i++) {
        cells.add(parts[i].trim());
      }
      rows.add(cells);
    }
    assertTrue(rows.size() >= 2, text);
    assertEquals(
        List.of("benchmark", "figure", "unit", "reference", "source", "ratio", "target", "status"),
        rows.get(0),
        text);
    assertTrue(rows.get(1).get(0).matches("-+"), text);
    return rows.subList(2, rows.size());
  }

  private static double number(String cell) {
    return Double.parseDouble(cell.replace(",", "").replace("×", ""));
  }

  @Test
  void quickRunOfTheCheapSectionsPrintsOneWellFormedTable() {
    assertEquals(0, cli.run("bench", "--quick", "--only", "scalar,curvature"), cli.err());
    String text = cli.out();
    Map<String, List<String>> byName = new TreeMap<>();
    for (List<String> row : rows(text)) {
      assertEquals(8, row.size(), row.toString());
      double figure = number(row.get(1));
      assertTrue(Double.isFinite(figure) && figure > 0, row.toString());
      byName.put(row.get(0), row);
      if (row.get(0).endsWith(", allocated")) { // a figure of this run, with nothing to compare
        continue;
      }
      double ratio = number(row.get(5));
      assertTrue(Double.isFinite(ratio) && ratio > 0, row.toString());
      if (row.get(0).startsWith("tape growth")) { // a long tape against a short one, this run
        assertEquals("in-run", row.get(4), row.toString());
        assertTrue(row.get(3).startsWith("10³ ops "), row.toString());
      } else {
        assertEquals("baseline Zen 3", row.get(4), row.toString());
        assertTrue(row.get(3).startsWith("PyTorch "), row.toString());
      }
      assertTrue(row.get(7).equals("met") || row.get(7).equals("missed"), row.toString());
      byName.put(row.get(0), row);
    }
    assertEquals(
        List.of(
            "GN product ÷ gradient",
            "HVP ÷ gradient",
            "scalar chain F64 fwd+bwd",
            "scalar chain, allocated",
            "tape growth: CPU per op at 100,000 ops"),
        List.copyOf(byName.keySet()),
        text);
    assertEquals("ns/op", byName.get("scalar chain F64 fwd+bwd").get(2));
    assertEquals("≤ 100 ns/op", byName.get("scalar chain F64 fwd+bwd").get(6));
    // a node, its Var, tensor and array, and the sweep's cotangents: a few hundred bytes per op
    List<String> allocated = byName.get("scalar chain, allocated");
    assertEquals("B/op", allocated.get(2));
    double bytesPerOp = number(allocated.get(1));
    assertTrue(bytesPerOp > 100 && bytesPerOp < 1000, allocated.toString());
    assertEquals("≤ 1.50×", byName.get("GN product ÷ gradient").get(6));
    assertEquals("≤ 2.50×", byName.get("HVP ÷ gradient").get(6));
    assertTrue(text.contains("baseline Zen 3: shared/bench/baselines.md"), text);
    Matcher probe =
        Pattern.compile(
                "Core probe \\(F64 FMAs on registers, one thread\\): ([0-9.]+) GFLOP/s before /"
                    + " ([0-9.]+) after")
            .matcher(text);
    assertTrue(probe.find(), text);
    for (int g = 1; g <= 2; g++) { // a core delivers something, and less than 20 cores' worth
      double gflops = Double.parseDouble(probe.group(g));
      assertTrue(gflops > 0.1 && gflops < 2000, probe.group());
    }
    Matcher bySection =
        Pattern.compile("Just before each section: scalar ([0-9.]+), curvature ([0-9.]+) GFLOP/s")
            .matcher(text);
    assertTrue(bySection.find(), text);
    for (int g = 1; g <= 2; g++) {
      double gflops = Double.parseDouble(bySection.group(g));
      assertTrue(gflops > 0.1 && gflops < 2000, bySection.group());
    }
  }

  @Test
  void readmeAndTheBenchmarkPageDocumentTheCommand() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(readme.contains("| `./vecgrad bench [--quick] [--only "), "README command table");
    String page = Files.readString(Path.of("..", "docs", "benchmarks.md"));
    assertTrue(page.contains("./vecgrad bench --quick"), "docs/benchmarks.md: how to run");
    assertTrue(page.contains("| benchmark "), "docs/benchmarks.md: a sample table");
  }

  @Test
  void unknownSectionsAndOptionsAreRefusedBeforeMeasuring() {
    assertEquals(2, cli.run("bench", "--only", "matmul,nope"));
    assertTrue(cli.err().contains("unknown section 'nope'"), cli.err());
    assertEquals(2, cli.run("bench", "--fast"));
    assertTrue(cli.err().contains("unknown option --fast"));
    assertEquals(2, cli.run("bench", "--only"));
    assertTrue(cli.err().contains("--only needs section names"));
    assertEquals("", cli.out());
  }

  /**
   * A stand-in for python3 with torch, so that {@code --torch} is tested without PyTorch installed:
   * it answers the import check and, as the anchors script's server ({@code --serve}), each request
   * for a round with a fixed figure that steps through 16000, 17000, ..., 20000 and starts again
   * (the bench asks for one round of PyTorch after each round of its own). With {@code dies}, the
   * server fails on its first request instead, with a line on its standard error.
   */
  private static Path fakePython(Path dir, boolean importsTorch, boolean dies) throws Exception {
    Path fake = dir.resolve(importsTorch ? "python-with-torch" : "python-without-torch");
    String answer =
        dies
            ? "  echo \"RuntimeError: fake failure on $key\" >&2; exit 3\n"
            : "  echo \"$key $((16000 + 1000 * (i % 5))).0\"; i=$((i + 1))\n";
    String body =
        importsTorch
            ? "#!/bin/sh\n"
                + "if [ \"$1\" = -c ]; then echo 1.13-fake; exit 0; fi\n"
                + "case \"$*\" in *--serve*) ;; *) echo 'threads 1'; exit 0;; esac\n"
                + "echo 'threads 1'\necho 'blas_threads 1'\necho 'torch 1.13-fake'\necho ready\n"
                + "i=0\n"
                + "while read key; do\n"
                + "  [ -z \"$key\" ] && exit 0\n"
                + answer
                + "done\n"
            : "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'torch'\" >&2\nexit 1\n";
    Files.writeString(fake, body);
    assertTrue(fake.toFile().setExecutable(true), fake.toString());
    return fake;
  }

  private static Path fakePython(Path dir, boolean importsTorch) throws Exception {
    return fakePython(dir, importsTorch, false);
  }

  @Test
  void torchOptionComparesWithPyTorchMeasuredHere(@TempDir Path dir) throws Exception {
    Path python = fakePython(dir, true);
    assertEquals(
        0,
        cli.run("bench", "--quick", "--only", "scalar", "--torch", python.toString()),
        cli.err());
    Map<String, List<String>> byName = new TreeMap<>();
    for (List<String> row : rows(cli.out())) {
      byName.put(row.get(0), row);
    }
    List<String> chain = byName.get("scalar chain F64 fwd+bwd");
    // five paired rounds (the quick budget) answered 16000 ... 20000: the reference is their median
    assertEquals("PyTorch 18,000", chain.get(3), chain.toString());
    assertEquals("PyTorch here", chain.get(4), chain.toString());
    assertEquals(18000.0 / number(chain.get(1)), number(chain.get(5)), 0.01 * number(chain.get(5)));
    assertTrue(
        cli.out().contains("PyTorch 1.13-fake measured on this machine, one thread (OpenBLAS too)"),
        cli.out());
    assertTrue(
        cli.out().contains("in rounds between ours (paired rounds, median of PyTorch's 5 rounds"),
        cli.out());
    assertTrue(cli.out().contains("ranged up to 1.25×"), cli.out());
  }

  @Test
  void torchServerThatFailsStopsTheRunWithItsError(@TempDir Path dir) throws Exception {
    Path python = fakePython(dir, true, true);
    assertEquals(1, cli.run("bench", "--quick", "--only", "scalar", "--torch", python.toString()));
    assertTrue(cli.err().contains("ended before answering scalar.F64"), cli.err());
    assertTrue(cli.err().contains("RuntimeError: fake failure on scalar.F64"), cli.err());
  }

  @Test
  void torchOptionWithoutTorchFailsBeforeMeasuring(@TempDir Path dir) throws Exception {
    Path python = fakePython(dir, false);
    assertEquals(2, cli.run("bench", "--only", "scalar", "--torch=" + python));
    assertTrue(cli.err().contains("cannot import torch"), cli.err());
    assertTrue(cli.err().contains("No module named 'torch'"), cli.err());
    assertTrue(cli.err().contains("apt-get install python3-torch"), cli.err());
    assertEquals("", cli.out());
  }
}
