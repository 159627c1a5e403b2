package org.vecgrad.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The derivative check of the lecture notes (Meganet's {@code checkDerivative}): for a random
 * direction v and shrinking steps h,
 *
 * <pre>
 *   E0(h) = ‖f(x+hv) − f(x)‖                        = O(h)
 *   E1(h) = ‖f(x+hv) − f(x) − h·Jv‖                 = O(h²)   when Jv is right
 *   E2(h) = ‖f(x+hv) − f(x) − h·Jv − ½h²·D²f[v,v]‖  = O(h³)   when D²f[v,v] is right too
 * </pre>
 *
 * The observed order between successive steps is {@code log(E(hₖ)/E(hₖ₊₁)) / log(hₖ/hₖ₊₁)}. The
 * verdict asks the last error column for the expected order (2, or 3 for the second-order variant)
 * over {@link Tolerances#minSlopes()} steps whose errors stand above round-off; errors that drop to
 * round-off level at once (a linear function) pass as exact, and slopes at tiny h, where only
 * round-off is left, are ignored. Jv comes from the tape's forward sweep, so this checks the JVP
 * rules.
 *
 * <pre>{@code
 * TaylorReport r = TaylorTest.of(f, x).printTo(System.out).run();
 * TaylorReport r2 = TaylorTest.of(f, x).secondOrder().run();      // validates D²f (HVPs)
 * }</pre>
 */
public final class TaylorTest {
  private final TapeFunction f;
  private final Tensor[] x;
  private boolean[] wrt;
  private Tensor[] direction;
  private long seed = 3;
  private double h0 = 0.1;
  private double factor = 0.5;
  private int steps = 10;
  private SecondDerivative second;
  private Tolerances tolerances;
  private PrintStream out;
  private String name = "f";
  private boolean audit = true;
  private boolean reverse;

  private TaylorTest(TapeFunction f, Tensor[] x) {
    this.f = f;
    this.x = x.clone();
    this.wrt = new boolean[x.length];
    Arrays.fill(wrt, true);
  }

  /** A first-order Taylor test of f at x along a random direction of every input. */
  public static TaylorTest of(TapeFunction f, Tensor... x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("taylor test: the function needs an input");
    }
    return new TaylorTest(f, x);
  }

  /** Moves only the inputs flagged true. */
  public TaylorTest wrt(boolean... which) {
    if (which.length != x.length) {
      throw new IllegalArgumentException(
          "taylor test: wrt has " + which.length + " flags for " + x.length + " inputs");
    }
    this.wrt = which.clone();
    return this;
  }

  /** A given direction (a block per input; null blocks stay fixed) instead of a random one. */
  public TaylorTest direction(Tensor... v) {
    if (v.length != x.length) {
      throw new IllegalArgumentException(
          "taylor test: direction has " + v.length + " blocks for " + x.length + " inputs");
    }
    this.direction = v.clone();
    return this;
  }

  /** Seed of the random direction. */
  public TaylorTest seed(long s) {
    this.seed = s;
    return this;
  }

  /**
   * Steps {@code h = first·factorᵏ} for k = 0 … count−1 (default 0.1·2⁻ᵏ, ten steps). The random
   * direction has largest entry 1, so no coordinate moves by more than {@code first}: keep it
   * inside the function's domain.
   */
  public TaylorTest steps(double first, double stepFactor, int count) {
    if (!(first > 0) || !(stepFactor > 0 && stepFactor < 1) || count < 2) {
      throw new IllegalArgumentException(
          "taylor test: need first > 0, 0 < factor < 1 and count >= 2, got "
              + first
              + ", "
              + stepFactor
              + ", "
              + count);
    }
    this.h0 = first;
    this.factor = stepFactor;
    this.steps = count;
    return this;
  }

  /** Adds the E2 column, with {@code D²f[v,v]} by forward-over-forward sweeps of the tape. */
  public TaylorTest secondOrder() {
    return secondOrder(SecondDerivative.forwardOverForward(f));
  }

  /** Adds the E2 column with a given second derivative (an HVP or Gauss-Newton product). */
  public TaylorTest secondOrder(SecondDerivative d2) {
    this.second = d2;
    return this;
  }

  /**
   * Takes {@code Jv} from reverse sweeps, one per output element ({@code (Jv)ᵢ = ⟨Jᵀeᵢ, v⟩}), so
   * the test judges the VJP rules instead of the JVP rules. Meant for small outputs.
   */
  public TaylorTest viaReverseSweep() {
    this.reverse = true;
    return this;
  }

  /** Overrides the dtype's default tolerances. */
  public TaylorTest tolerances(Tolerances t) {
    this.tolerances = t;
    return this;
  }

  /** Prints the table to {@code stream} when run. */
  public TaylorTest printTo(PrintStream stream) {
    this.out = stream;
    return this;
  }

  /** A name for the function in the report. */
  public TaylorTest named(String n) {
    this.name = n;
    return this;
  }

  /** Whether a failure looks for the guilty recorded operations (on by default). */
  public TaylorTest audit(boolean on) {
    this.audit = on;
    return this;
  }

  /** Runs the test. */
  public TaylorReport run() {
    Tensor[] v = direction != null ? direction.clone() : randomDirection();
    try (Recorded rec = Recorded.of(f, x, wrt)) {
      DType dtype = rec.checkDtype();
      Tolerances tol = tolerances != null ? tolerances : Tolerances.of(dtype);
      Tensor f0 = rec.value();
      Tensor jv = reverse ? rec.jvpByReverse(v) : rec.jvp(v);
      Tensor d2 = second == null ? null : second.at(x, v);
      double f0n = f0.norm();
      double jvn = jv.norm();
      double noise = measuredNoise(f0, jv, v, tol);
      double vn = Vectors.norm(v);
      List<TaylorReport.Row> rows = new ArrayList<>();
      double h = h0;
      for (int k = 0; k < steps; k++, h *= factor) {
        Tensor fh = Recorded.value(f, Vectors.axpy(x, h, v), wrt);
        double e0 = Vectors.remainderNorm(fh, f0, 0, null, 0, null);
        double e1 = Vectors.remainderNorm(fh, f0, h, jv, 0, null);
        double e2 = d2 == null ? Double.NaN : Vectors.remainderNorm(fh, f0, h, jv, 0.5 * h * h, d2);
        // round-off of the values, of h·Jv (the sweeps leave a few ε·‖v‖ at unit scale where the
        // exact Jv is zero), of unit-size intermediate values that cancel in f (1 below), and as
        // measured near x
        double floor =
            tol.roundoffFactor() * tol.epsilon() * (f0n + fh.norm() + h * (jvn + vn) + 1)
                + 4 * noise;
        rows.add(new TaylorReport.Row(h, e0, e1, e2, floor));
      }
      TaylorReport report =
          TaylorReport.judge(
              name + (reverse ? ", Jv by reverse sweeps" : ""),
              dtype,
              rows,
              d2 != null,
              tol,
              List.of());
      if (!report.passed() && audit) {
        report = report.withSuspects(NodeAudit.suspects(rec, seed, tolerances));
      }
      if (out != null) {
        out.print(report);
      }
      return report;
    }
  }

  /**
   * The round-off of f near x, measured: the first-order remainder at a few steps so small (tens of
   * ε relative to x) that only round-off is left. It exceeds the ε·‖f‖ estimate when f cancels
   * large intermediate values (a function that is constant in exact arithmetic, such as a
   * log-softmax over an axis of length 1), and then keeps that noise from passing for slopes.
   */
  private double measuredNoise(Tensor f0, Tensor jv, Tensor[] v, Tolerances tol) {
    double scale = 1;
    for (int i = 0; i < x.length; i++) {
      if (wrt[i] && x[i].size() > 0) {
        scale = Math.max(scale, x[i].norm() / Math.sqrt(x[i].size()));
      }
    }
    double noise = 0;
    for (int j = 0; j < 3; j++) {
      double delta = 64 * tol.epsilon() * scale * (1 << (2 * j));
      Tensor fd = Recorded.value(f, Vectors.axpy(x, delta, v), wrt);
      noise = Math.max(noise, Vectors.remainderNorm(fd, f0, delta, jv, 0, null));
    }
    return noise;
  }

  private Tensor[] randomDirection() {
    SplittableRandom rng = new SplittableRandom(seed);
    Tensor[] v = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = wrt[i] ? Vectors.direction(x[i].shape(), x[i].dtype(), rng) : null;
    }
    return v;
  }
}
