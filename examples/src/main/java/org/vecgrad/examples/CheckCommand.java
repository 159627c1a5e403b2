package org.vecgrad.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vecgrad.autodiff.Op;
import org.vecgrad.check.Tolerances;
import org.vecgrad.tensor.DType;
import org.vecgrad.testing.CatalogCheck;
import org.vecgrad.testing.OpCatalog;
import org.vecgrad.testing.OpCoverage;
import org.vecgrad.testing.OpSpec;

/**
 * {@code ./vecgrad check}: the self-verification of every catalogued op in both dtypes and both
 * sweeps (finite differences, the adjoint identity between JVP and VJP, Taylor slopes, the naive
 * reference, shape errors), printed as a table. Exit status 0 only if everything passes and every
 * op class has a catalogue entry.
 */
final class CheckCommand implements Command {
  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "verify every op's derivative rules (finite differences, adjoint, Taylor), as a table";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad check [--op NAME] [--dtype F64|F32] [--seeds 3] [--first-seed 0]\n"
        + "  --op          check only this catalogue entry (e.g. matmul, softmax)\n"
        + "  --dtype       check only this dtype (default: both)\n"
        + "  --seeds       random instances per entry and dtype\n"
        + "  --first-seed  seed of the first instance (a failure prints the seed to replay)";
  }

  @Override
  public int run(Options options, PrintStream out) {
    options.requireOnly(name(), Set.of("op", "dtype", "seeds", "first-seed"));
    int seeds = options.getInt("seeds", 3);
    long first = options.getInt("first-seed", 0);
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds: need at least 1, got " + seeds);
    }
    List<OpSpec> specs =
        options.has("op") ? List.of(OpCatalog.get(options.get("op", ""))) : OpCatalog.all();
    List<DType> dtypes =
        options.has("dtype")
            ? List.of(parseDtype(options.get("dtype", "")))
            : List.of(DType.values());

    out.printf(
        Locale.ROOT,
        "%-20s %-19s %-4s %11s %11s %9s %9s  %s%n",
        "op",
        "class",
        "type",
        "fd error",
        "adjoint",
        "slope E0",
        "slope E1",
        "verdict");
    List<String> failures = new ArrayList<>();
    int passed = 0;
    for (OpSpec spec : specs) {
      for (DType dtype : dtypes) {
        CatalogCheck.Result r = CatalogCheck.verify(spec, dtype, first, seeds);
        out.printf(
            Locale.ROOT,
            "%-20s %-19s %-4s %11.2e %11.2e %9s %9s  %s%n",
            spec.name(),
            spec.opClass() == null ? "(composite)" : spec.opClass().getSimpleName(),
            dtype,
            r.fdError(),
            r.adjointResidual(),
            slope(r.slope0(), "const"),
            slope(r.slope1(), "exact"),
            r.passed() ? "ok" : "FAIL");
        if (r.passed()) {
          passed++;
        } else {
          failures.addAll(r.failures());
        }
      }
    }
    List<Class<? extends Op>> missing = options.has("op") ? List.of() : OpCoverage.missing();
    out.println();
    out.printf(
        Locale.ROOT,
        "%d of %d op × dtype checks pass (%d seed(s) each; tolerances: F64 fd %.0e, adjoint %.0e;"
            + " F32 fd %.0e, adjoint %.0e)%n",
        passed,
        specs.size() * dtypes.size(),
        seeds,
        Tolerances.of(DType.F64).fdRelative(),
        Tolerances.of(DType.F64).adjoint(),
        Tolerances.of(DType.F32).fdRelative(),
        Tolerances.of(DType.F32).adjoint());
    if (!missing.isEmpty()) {
      out.println(
          "op classes without a catalogue entry: "
              + missing.stream().map(Class::getSimpleName).toList());
    }
    for (String f : failures) {
      out.println();
      out.println(f);
    }
    return failures.isEmpty() && missing.isEmpty() ? 0 : 1;
  }

  private static String slope(double s, String whenRoundOff) {
    return Double.isNaN(s) ? whenRoundOff : String.format(Locale.ROOT, "%.2f", s);
  }

  private static DType parseDtype(String s) {
    try {
      return DType.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtype: expected F64 or F32, got '" + s + "'");
    }
  }
}
