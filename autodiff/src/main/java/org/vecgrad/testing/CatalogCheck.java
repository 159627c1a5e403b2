package org.vecgrad.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.AdjointReport;
import org.vecgrad.check.AdjointTest;
import org.vecgrad.check.FiniteDifferenceCheck;
import org.vecgrad.check.FiniteDifferenceReport;
import org.vecgrad.check.TaylorReport;
import org.vecgrad.check.TaylorTest;
import org.vecgrad.check.Tolerances;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The self-verification of one catalogue entry in one dtype: on instances drawn with several seeds,
 * (1) the VJP against central finite differences, (2) the adjoint identity between the JVP and VJP
 * rules, (3) Taylor slopes with Jv from the forward sweep and from reverse sweeps, (4) the forward
 * value against the naive reference where one exists, and (5) the readable rejection of bad shapes.
 * Used by the test suite and by {@code ./vecgrad check}.
 */
public final class CatalogCheck {
  private CatalogCheck() {}

  /**
   * The outcome for one entry and dtype: the worst numbers over the seeds and the first failure.
   *
   * @param spec the entry
   * @param dtype the dtype checked
   * @param fdError worst relative finite-difference error
   * @param adjointResidual worst adjoint residual
   * @param slope0 typical observed order of E0 (NaN if E0 was round-off, e.g. a constant)
   * @param slope1 typical observed order of E1 (NaN if E1 was round-off, e.g. a linear op)
   * @param failures what failed, each naming the seed that replays it
   */
  public record Result(
      OpSpec spec,
      DType dtype,
      double fdError,
      double adjointResidual,
      double slope0,
      double slope1,
      List<String> failures) {

    /** True if every check passed for every seed. */
    public boolean passed() {
      return failures.isEmpty();
    }
  }

  /** Checks {@code spec} in {@code dtype} on instances drawn with seeds {@code 0 … seeds−1}. */
  public static Result verify(OpSpec spec, DType dtype, int seeds) {
    return verify(spec, dtype, 0, seeds);
  }

  /** Checks {@code spec} on instances drawn with seeds {@code first … first+count−1}. */
  public static Result verify(OpSpec spec, DType dtype, long first, int count) {
    Tolerances tol = spec.tolerances(dtype);
    double fd = 0;
    double adj = 0;
    double s0 = Double.NaN;
    double s1 = Double.NaN;
    List<String> failures = new ArrayList<>();
    for (long seed = first; seed < first + count; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      OpCase c = spec.sample(rng);
      Tensor[] x = c.inputs(dtype, rng);
      String where = spec.name() + " " + dtype + " seed " + seed + " " + c + ": ";
      try {
        FiniteDifferenceReport f =
            FiniteDifferenceCheck.of(c.function(), x)
                .wrt(c.wrt())
                .tolerances(tol)
                .seed(seed)
                .named(c.description())
                .run();
        fd = Math.max(fd, f.maxRelError());
        if (!f.passed()) {
          failures.add(where + f);
        }
        AdjointReport a =
            AdjointTest.ofFunction(c.function(), c.wrt(), x).tolerances(tol).seed(seed).run();
        adj = Math.max(adj, a.residual());
        if (!a.passed()) {
          failures.add(where + a);
        }
        TaylorReport t =
            TaylorTest.of(c.function(), x)
                .wrt(c.wrt())
                .tolerances(tol)
                .seed(seed)
                .named(c.description())
                .run();
        s0 = pick(s0, t.typicalSlope(0));
        s1 = pick(s1, t.typicalSlope(1));
        if (!t.passed()) {
          failures.add(where + t);
        }
        // the same expansion with Jv assembled from reverse sweeps: judges the VJP rules too
        TaylorReport r =
            TaylorTest.of(c.function(), x)
                .wrt(c.wrt())
                .tolerances(tol)
                .seed(seed)
                .named(c.description())
                .viaReverseSweep()
                .run();
        if (!r.passed()) {
          failures.add(where + r);
        }
        String ref = reference(c, x, tol);
        if (ref != null) {
          failures.add(where + ref);
        }
      } catch (RuntimeException e) {
        failures.add(where + "threw " + e);
      }
      if (seed == first && spec.bad() != null) {
        String bad = shapeError(spec.bad().apply(rng), dtype);
        if (bad != null) {
          failures.add(spec.name() + " " + dtype + ": " + bad);
        }
      }
    }
    return new Result(spec, dtype, fd, adj, s0, s1, failures);
  }

  private static double pick(double current, double s) {
    return Double.isNaN(current) || (!Double.isNaN(s) && s < current) ? s : current;
  }

  /** The forward value against the naive reference, or null if it agrees (or there is none). */
  private static String reference(OpCase c, Tensor[] x, Tolerances tol) {
    if (c.reference() == null) {
      return null;
    }
    Tensor fused = evaluate(c.function(), x);
    Tensor naive = evaluate(c.reference(), x);
    double rtol = tol.adjoint() * 1e3;
    if (!fused.cast(DType.F64).allClose(naive.cast(DType.F64), rtol, rtol)) {
      return "forward value " + fused + " differs from the naive reference " + naive;
    }
    return null;
  }

  private static Tensor evaluate(org.vecgrad.check.TapeFunction f, Tensor[] x) {
    Var[] in = new Var[x.length];
    for (int i = 0; i < x.length; i++) {
      in[i] = Var.constant(x[i]);
    }
    return f.apply(in).value();
  }

  /**
   * Applies the op to zeros of the offending shapes: null if it throws an {@link
   * IllegalArgumentException} naming the op, a description of what went wrong otherwise.
   */
  public static String shapeError(BadCase b, DType dtype) {
    try (Tape tape = new Tape()) {
      Var[] in = new Var[b.shapes().length];
      for (int i = 0; i < in.length; i++) {
        in[i] = tape.variable("x" + i, Tensor.zeros(b.shapes()[i], dtype));
      }
      Var y = b.function().apply(in);
      return "shapes " + java.util.Arrays.toString(b.shapes()) + " were accepted, giving " + y;
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains(b.expected())
          ? null
          : "the error for shapes "
              + java.util.Arrays.toString(b.shapes())
              + " does not name '"
              + b.expected()
              + "': "
              + m;
    } catch (RuntimeException e) {
      return "shapes "
          + java.util.Arrays.toString(b.shapes())
          + " gave "
          + e
          + " instead of an IllegalArgumentException";
    }
  }
}
