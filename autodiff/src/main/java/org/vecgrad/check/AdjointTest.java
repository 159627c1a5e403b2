package org.vecgrad.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LinearOperator;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The adjoint (dot-product) test of a linear operator: for random u and v,
 *
 * <pre>
 *   residual = |⟨u, A v⟩ − ⟨Aᵀu, v⟩| / (‖u‖·‖A v‖ + ‖Aᵀu‖·‖v‖),
 * </pre>
 *
 * which is zero up to round-off exactly when {@code applyAdjoint} is the transpose of {@code
 * apply}. The denominator bounds both inner products (Cauchy–Schwarz), so the residual is a
 * relative error in units of ε; a difference at the dtype's underflow scale ((size of u and v) ×
 * smallest normal number) is not counted. For the Jacobian of a recorded graph it compares the JVP
 * rules of every op on the path with their VJP rules; on failure the report names the ops whose own
 * rules disagree.
 *
 * <pre>{@code
 * AdjointReport r = AdjointTest.of(op).run();                   // any LinearOperator
 * AdjointReport r = AdjointTest.ofGraph(loss, W1, b1).run();    // a block of a recorded Jacobian
 * AdjointReport r = AdjointTest.ofFunction(f, x).run();         // J of f at x
 * }</pre>
 */
public final class AdjointTest {
  private final LinearOperator op;
  private final Recorded recorded;
  private final DType dtype;
  private long seed = 7;
  private int trials = 3;
  private Tolerances tolerances;
  private boolean audit = true;

  private AdjointTest(LinearOperator op, Recorded recorded, DType dtype) {
    this.op = op;
    this.recorded = recorded;
    this.dtype = dtype;
  }

  /** The test of any linear operator (tolerance by the dtype of {@code A·v}). */
  public static AdjointTest of(LinearOperator op) {
    return new AdjointTest(op, null, null);
  }

  /**
   * The test of the Jacobian block {@code ∂y/∂(xs)} of a graph recorded on a tape, at its recorded
   * point.
   */
  public static AdjointTest ofGraph(Var y, Var... xs) {
    GraphJacobian j = new GraphJacobian(y, xs);
    return new AdjointTest(j, null, j.dtype());
  }

  /** The test of the Jacobian of f at x with respect to every input. */
  public static AdjointTest ofFunction(TapeFunction f, Tensor... x) {
    boolean[] wrt = new boolean[x.length];
    Arrays.fill(wrt, true);
    return ofFunction(f, wrt, x);
  }

  /** The test of the Jacobian of f at x with respect to the inputs flagged in {@code wrt}. */
  public static AdjointTest ofFunction(TapeFunction f, boolean[] wrt, Tensor... x) {
    if (wrt.length != x.length) {
      throw new IllegalArgumentException(
          "adjoint test: wrt has " + wrt.length + " flags for " + x.length + " inputs");
    }
    Recorded rec = Recorded.of(f, x, wrt);
    Var[] xs = new Var[0];
    for (int i = 0; i < x.length; i++) {
      if (wrt[i]) {
        xs = Arrays.copyOf(xs, xs.length + 1);
        xs[xs.length - 1] = rec.inputs[i];
      }
    }
    GraphJacobian j = new GraphJacobian(rec.output, xs);
    return new AdjointTest(j, rec, j.dtype());
  }

  /** Seed of the random vectors. */
  public AdjointTest seed(long s) {
    this.seed = s;
    return this;
  }

  /** Number of random pairs (u, v); the worst residual counts. */
  public AdjointTest trials(int n) {
    this.trials = Math.max(1, n);
    return this;
  }

  /** Overrides the dtype's default tolerances. */
  public AdjointTest tolerances(Tolerances t) {
    this.tolerances = t;
    return this;
  }

  /** Whether a failing graph is searched for the guilty ops (on by default). */
  public AdjointTest audit(boolean on) {
    this.audit = on;
    return this;
  }

  /** Runs the test. */
  public AdjointReport run() {
    try {
      SplittableRandom rng = new SplittableRandom(seed);
      double worst = 0;
      double unitResidual = 0;
      double lhs = 0;
      double rhs = 0;
      DType used = dtype;
      for (int t = 0; t < trials; t++) {
        DType d = used == null ? DType.F64 : used;
        Tensor v = Vectors.gaussian(op.domain(), d, rng);
        Tensor u = Vectors.gaussian(op.range(), d, rng);
        Tensor av = op.apply(v);
        Tensor atu = op.applyAdjoint(u);
        if (used == null) {
          used = Tolerances.coarser(av.dtype(), atu.dtype());
        }
        double a = Vectors.dot(u, av);
        double b = Vectors.dot(atu, v);
        double scale = u.norm() * av.norm() + atu.norm() * v.norm();
        // Below the dtype's smallest normal number values are subnormal and carry no relative
        // precision (F32 sigmoid of a large negative input is ~1e-42): a difference of that size
        // is underflow, not a wrong rule.
        double underflow =
            (u.size() + v.size())
                * (Tolerances.coarser(av.dtype(), atu.dtype()) == DType.F32
                    ? Float.MIN_NORMAL
                    : Double.MIN_NORMAL);
        double diff = Math.max(0, Math.abs(a - b) - underflow);
        double r = scale == 0 ? diff : diff / scale;
        if (t == 0 || r > worst) {
          worst = r;
          lhs = a;
          rhs = b;
          // the residual measured against unit-size factors instead of the product
          unitResidual = diff / (u.norm() * v.norm() + Double.MIN_NORMAL);
        }
      }
      Tolerances tol = tolerances != null ? tolerances : Tolerances.of(used);
      boolean pass = worst <= tol.adjoint();
      List<String> suspects = new ArrayList<>();
      boolean excused = false;
      if (!pass && audit && op instanceof GraphJacobian) {
        suspects.addAll(NodeAudit.suspects(((GraphJacobian) op).tape(), seed, tolerances));
        // The identity holds for a chain when it holds for every link. If every op passes on its
        // own, the residual is round-off magnified by cancellation: the product Jacobian is tiny
        // (even zero in exact arithmetic, as for x·(1/x)) while its factors are not. Only a
        // residual that is round-off at the scale of unit-size factors is excused, so a bug in
        // the sweeps themselves cannot hide behind right ops.
        excused = suspects.isEmpty() && unitResidual <= tol.roundoffFactor() * tol.epsilon();
      }
      return new AdjointReport(
          op.describe(), used, lhs, rhs, worst, tol.adjoint(), excused, suspects);
    } finally {
      if (recorded != null) {
        recorded.close();
      }
    }
  }
}
