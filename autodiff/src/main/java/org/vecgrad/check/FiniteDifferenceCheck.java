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
      List<Probe> probes =
          total <= maxElements
              ? perElement(u, g, tol)
              : projected(rec, u, g, tol, projections, new SplittableRandom(rng.nextLong()));
      if (total <= maxElements) {
        // one random direction through the forward sweep, so a wrong JVP rule is caught too
        probes.addAll(projected(rec, u, g, tol, 1, new SplittableRandom(rng.nextLong())));
      }
      List<FiniteDifferenceReport.Entry> entries = new ArrayList<>();
      double[] numeric = new double[probes.size()];
      for (int p = 0; p < probes.size(); p++) {
        Probe pr = probes.get(p);
        numeric[p] = pr.numeric(1);
        entries.add(
            new FiniteDifferenceReport.Entry(
                pr.input(), pr.where(), pr.analytic(), numeric[p], 0, 0, 0));
      }
      double scale = 0;
      for (var e : entries) {
        scale = Math.max(scale, Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())));
      }
      // the round-off of a central difference: the error of φ itself, divided by the step
      // Allowed absolute error: the round-off of a central difference (the error of φ divided by
      // the step), plus that of the sweeps themselves, which at unit scale leave derivatives of a
      // few ε·‖u‖∞ where the exact value is zero (cancelling chains, as in x − x).
      // Intermediates cancel at the scale of the inputs too (logSoftmax over one element is
      // x − x): their round-off enters φ at ε·‖u‖·‖x‖ even when the output is near zero.
      double inputScale = 0;
      for (Tensor xi : x) {
        inputScale = Math.max(inputScale, xi.norm());
      }
      double noise =
          tol.roundoffFactor()
              * tol.epsilon()
              * ((Math.abs(phi0) + u.norm() * (rec.value().norm() + inputScale)) / tol.fdStep()
                  + Math.max(1, maxAbs(u)));
      double floor = 1e-3 * scale + Double.MIN_NORMAL;
      List<FiniteDifferenceReport.Entry> judged = new ArrayList<>();
      for (int p = 0; p < entries.size(); p++) {
        var e = entries.get(p);
        double abs = Math.abs(e.analytic() - e.numeric());
        double size = Math.max(Math.abs(e.analytic()), Math.abs(e.numeric())) + floor;
        double beyond = Math.max(0, abs - noise) / size;
        if (beyond > tol.fdRelative()) {
          // Round-off can exceed the estimate above when φ cancels large intermediate values.
          // Measure it instead: noise in a central difference grows as the step shrinks, while
          // a wrong derivative gives the same numeric value at every small step.
          double a = probes.get(p).numeric(2);
          double b = probes.get(p).numeric(0.5);
          double spread =
              Math.max(numeric[p], Math.max(a, b)) - Math.min(numeric[p], Math.min(a, b));
          beyond = Math.max(0, abs - noise - 2 * spread) / size;
        }
        judged.add(e.withErrors(abs, abs / size, beyond));
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

  private static double maxAbs(Tensor t) {
    double m = 0;
    for (int i = 0; i < t.size(); i++) {
      m = Math.max(m, Math.abs(t.at(i)));
    }
    return m;
  }

  private double phi(Tensor u, Tensor[] at) {
    return Vectors.dot(u, Recorded.value(f, at, wrt));
  }

  /** One derivative compared: the analytic value and central differences at a scaled step. */
  private interface Probe {
    int input();

    String where();

    double analytic();

    /** The central difference with the default step times {@code stepScale}. */
    double numeric(double stepScale);
  }

  private record ElementProbe(
      FiniteDifferenceCheck check, Tensor u, int input, int k, double analytic, double step)
      implements Probe {
    @Override
    public String where() {
      return Vectors.index(check.x[input].shape(), k);
    }

    @Override
    public double numeric(double stepScale) {
      Tensor t = check.x[input];
      double base = t.at(k);
      double h = step * stepScale * Math.max(1, Math.abs(base));
      Tensor plus = moved(t, k, base + h);
      Tensor minus = moved(t, k, base - h);
      double taken = plus.at(k) - minus.at(k); // the step actually taken after rounding
      Tensor[] xp = check.x.clone();
      Tensor[] xm = check.x.clone();
      xp[input] = plus;
      xm[input] = minus;
      return (check.phi(u, xp) - check.phi(u, xm)) / taken;
    }
  }

  private record DirectionProbe(
      FiniteDifferenceCheck check, Tensor u, Tensor[] v, String where, double analytic, double step)
      implements Probe {
    @Override
    public int input() {
      return -1;
    }

    @Override
    public double numeric(double stepScale) {
      double h = step * stepScale;
      return (check.phi(u, Vectors.axpy(check.x, h, v))
              - check.phi(u, Vectors.axpy(check.x, -h, v)))
          / (2 * h);
    }
  }

  private List<Probe> perElement(Tensor u, Tensor[] g, Tolerances tol) {
    List<Probe> out = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (!wrt[i]) {
        continue;
      }
      for (int k = 0; k < x[i].size(); k++) {
        out.add(new ElementProbe(this, u, i, k, g[i].at(k), tol.fdStep()));
      }
    }
    return out;
  }

  private static Tensor moved(Tensor t, int k, double value) {
    double[] d = t.toDoubleArray();
    d[k] = value;
    return Tensor.wrap(t.shape(), d, t.dtype());
  }

  private List<Probe> projected(
      Recorded rec, Tensor u, Tensor[] g, Tolerances tol, int count, SplittableRandom rng) {
    List<Probe> out = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      Tensor[] v = new Tensor[x.length];
      for (int i = 0; i < x.length; i++) {
        v[i] = wrt[i] ? Vectors.direction(x[i].shape(), x[i].dtype(), rng) : null;
      }
      out.add(
          new DirectionProbe(
              this, u, v, "direction " + p + " (reverse sweep)", Vectors.dot(g, v), tol.fdStep()));
      out.add(
          new DirectionProbe(
              this,
              u,
              v,
              "direction " + p + " (forward sweep)",
              Vectors.dot(u, rec.jvp(v)),
              tol.fdStep()));
    }
    return out;
  }
}
