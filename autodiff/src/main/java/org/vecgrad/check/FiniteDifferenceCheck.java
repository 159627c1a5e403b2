package org.vecgrad.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * Compares the reverse-mode derivative of a function with central finite differences.
 *
 * <p>The output is reduced with a random cotangent u to the scalar {@code φ(x) = ⟨u, f(x)⟩}, whose
 * gradient is the VJP {@code Jᵀu}. For small inputs every element is perturbed:
 *
 * <pre>
 *   numericₖ = (φ(x + h·eₖ) − φ(x − h·eₖ)) / 2h,     analyticₖ = (Jᵀu)ₖ,
 * </pre>
 *
 * with {@code h = step·max(1, |xₖ|)} (and the step actually taken after rounding to the dtype). One
 * random direction v is also differenced against {@code ⟨u, Jv⟩} from the forward sweep, so the JVP
 * rules are checked as well. Inputs with more than {@link #maxElements(int)} elements in all are
 * checked by random projections instead: for random directions v, {@code (φ(x+hv) − φ(x−hv))/2h}
 * against both {@code ⟨Jᵀu, v⟩} (reverse sweep) and {@code ⟨u, Jv⟩} (forward sweep). The relative
 * error of an element is {@code |analytic − numeric| / (max(|analytic|, |numeric|) + floor)}, and
 * it passes when {@code max(0, |analytic − numeric| − noise) / (max(|analytic|, |numeric|) +
 * floor)} is within the tolerance, where noise is the round-off of a central difference ({@code
 * c·ε·|φ|/h}) and the floor a thousandth of the largest derivative. The report names the worst
 * element and, on failure, the recorded operations whose own rules fail the same check.
 *
 * <pre>{@code
 * FiniteDifferenceReport r = FiniteDifferenceCheck.of(x -> sum(tanh(x[0])), x).run();
 * }</pre>
 */
public final class FiniteDifferenceCheck {
  private final TapeFunction f;
  private final Tensor[] x;
  private boolean[] wrt;
  private long seed = 42;
  private Tolerances tolerances;
  private int maxElements = 256;
  private int projections = 6;
  private boolean audit = true;
  private String name = "f";

  private FiniteDifferenceCheck(TapeFunction f, Tensor[] x) {
    this.f = f;
    this.x = x.clone();
    this.wrt = new boolean[x.length];
    Arrays.fill(wrt, true);
  }

  /** A check of f at x, with respect to every input. */
  public static FiniteDifferenceCheck of(TapeFunction f, Tensor... x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("finite differences: the function needs an input");
    }
    return new FiniteDifferenceCheck(f, x);
  }

  /** Differentiates only the inputs flagged true (others are held as constants). */
  public FiniteDifferenceCheck wrt(boolean... which) {
    if (which.length != x.length) {
      throw new IllegalArgumentException(
          "finite differences: wrt has " + which.length + " flags for " + x.length + " inputs");
    }
    this.wrt = which.clone();
    return this;
  }

  /** Seed of the random cotangent and projections. */
  public FiniteDifferenceCheck seed(long s) {
    this.seed = s;
    return this;
  }

  /** Overrides the dtype's default tolerances. */
  public FiniteDifferenceCheck tolerances(Tolerances t) {
    this.tolerances = t;
    return this;
  }

  /** Above this many input elements, random projections replace per-element differences. */
  public FiniteDifferenceCheck maxElements(int n) {
    this.maxElements = n;
    return this;
  }

  /** Number of random projections for big inputs. */
  public FiniteDifferenceCheck projections(int n) {
    this.projections = Math.max(1, n);
    return this;
  }

  /** A name for the function in the report. */
  public FiniteDifferenceCheck named(String n) {
    this.name = n;
    return this;
  }

  /** Whether a failure looks for the guilty recorded operations (on by default). */
  public FiniteDifferenceCheck audit(boolean on) {
    this.audit = on;
    return this;
  }

  /** Runs the check. */
  public FiniteDifferenceReport run() {
    SplittableRandom rng = new SplittableRandom(seed);
    try (Recorded rec = Recorded.of(f, x, wrt)) {
      DType dtype = rec.checkDtype();
      Tolerances tol = tolerances != null ? tolerances : Tolerances.of(dtype);
      Tensor u = Vectors.gaussian(rec.value().shape(), rec.outputDtype(), rng);
      double phi0 = Vectors.dot(u, rec.value());
      Tensor[] g = rec.vjp(u);
      int total = 0;
      for (int i = 0; i < x.length; i++) {
        total += wrt[i] ? x[i].size() : 0;
      }
      List<FiniteDifferenceReport.Entry> entries =
          total <= maxElements
              ? perElement(u, g, tol)
              : projected(rec, u, g, tol, projections, new SplittableRandom(rng.nextLong()));
      if (total <= maxElements) {
        // one random direction through the forward sweep, so a wrong JVP rule is caught too
        entries.addAll(projected(rec, u, g, tol, 1, new SplittableRandom(rng.nextLong())));
      }
      double scale = 0;
      for (var e : entries) {
        scale = Math.max(scale, Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())));
      }
      // the round-off of a central difference: the error of φ itself, divided by the step
      double noise =
          tol.roundoffFactor()
              * tol.epsilon()
              * (Math.abs(phi0) + u.norm() * rec.value().norm())
              / tol.fdStep();
      double floor = 1e-3 * scale + Double.MIN_NORMAL;
      List<FiniteDifferenceReport.Entry> judged = new ArrayList<>();
      for (var e : entries) {
        double abs = Math.abs(e.analytic() - e.numeric());
        double size = Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())) + floor;
        judged.add(e.withErrors(abs, abs / size, Math.max(0, abs - noise) / size));
      }
      boolean pass = judged.stream().allMatch(e -> e.judged() <= tol.fdRelative());
      String method =
          total <= maxElements
              ? "central differences over " + total + " element(s) + 1 random direction"
              : projections + " random projection(s) of " + total + " elements, both sweeps";
      List<String> suspects =
          pass || !audit ? List.of() : NodeAudit.suspects(rec, seed, tolerances);
      return new FiniteDifferenceReport(name, dtype, method, tol.fdRelative(), judged, suspects);
    }
  }

  private double phi(Tensor u, Tensor[] at) {
    return Vectors.dot(u, Recorded.value(f, at, wrt));
  }

  private List<FiniteDifferenceReport.Entry> perElement(Tensor u, Tensor[] g, Tolerances tol) {
    List<FiniteDifferenceReport.Entry> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!wrt[i]) {
        continue;
      }
      double[] base = x[i].readF64();
      for (int k = 0; k < base.length; k++) {
        double h = tol.fdStep() * Math.max(1, Math.abs(base[k]));
        Tensor plus = moved(x[i], k, base[k] + h);
        Tensor minus = moved(x[i], k, base[k] - h);
        double taken = plus.at(k) - minus.at(k);
        Tensor[] xp = x.clone();
        Tensor[] xm = x.clone();
        xp[i] = plus;
        xm[i] = minus;
        double numeric = (phi(u, xp) - phi(u, xm)) / taken;
        out.add(
            new FiniteDifferenceReport.Entry(
                i, Vectors.index(x[i].shape(), k), g[i].at(k), numeric, 0, 0, 0));
      }
    }
    return out;
  }

  private static Tensor moved(Tensor t, int k, double value) {
    double[] d = t.toDoubleArray();
    d[k] = value;
    return Tensor.wrap(t.shape(), d, t.dtype());
  }

  private List<FiniteDifferenceReport.Entry> projected(
      Recorded rec, Tensor u, Tensor[] g, Tolerances tol, int count, SplittableRandom rng) {
    List<FiniteDifferenceReport.Entry> out = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      Tensor[] v = new Tensor[x.length];
      for (int i = 0; i < x.length; i++) {
        v[i] = wrt[i] ? Vectors.direction(x[i].shape(), x[i].dtype(), rng) : null;
      }
      double h = tol.fdStep();
      double numeric = (phi(u, Vectors.axpy(x, h, v)) - phi(u, Vectors.axpy(x, -h, v))) / (2 * h);
      out.add(
          new FiniteDifferenceReport.Entry(
              -1, "direction " + p + " (reverse sweep)", Vectors.dot(g, v), numeric, 0, 0, 0));
      out.add(
          new FiniteDifferenceReport.Entry(
              -1,
              "direction " + p + " (forward sweep)",
              Vectors.dot(u, rec.jvp(v)),
              numeric,
              0,
              0,
              0));
    }
    return out;
  }
}
