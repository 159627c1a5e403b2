package org.vecgrad.check;

import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LinearOperator;
import org.vecgrad.tensor.Tensor;

/**
 * One-line assertions for tests (JUnit or any other framework): each runs a check with the dtype's
 * default tolerances and throws a {@link CheckFailure} (an {@link AssertionError}) whose message is
 * the full report, naming the worst element and the guilty ops.
 *
 * <pre>{@code
 * Checks.assertGradient(x -> sum(square(tanh(matmul(x[0], x[1])))), W, X);
 * Checks.assertAdjoint(kroneckerOperator);
 * Checks.assertTaylor(x -> softmax(x[0], 1), Z);
 * }</pre>
 */
public final class Checks {
  /** Output size up to which {@link #assertTaylor} also runs the reverse-sweep variant. */
  public static final int SMALL_OUTPUT = 64;

  private Checks() {}

  /** VJP against central finite differences, for every input. */
  public static FiniteDifferenceReport assertGradient(TapeFunction f, Tensor... x) {
    return require(FiniteDifferenceCheck.of(f, x).run());
  }

  /** The adjoint identity of any linear operator. */
  public static AdjointReport assertAdjoint(LinearOperator op) {
    return require(AdjointTest.of(op).run());
  }

  /** The adjoint identity of the Jacobian of f at x (JVP rules against VJP rules). */
  public static AdjointReport assertAdjoint(TapeFunction f, Tensor... x) {
    return require(AdjointTest.ofFunction(f, x).run());
  }

  /** The adjoint identity of the Jacobian block {@code ∂y/∂(xs)} of a recorded graph. */
  public static AdjointReport assertAdjoint(Var y, Var... xs) {
    return require(AdjointTest.ofGraph(y, xs).run());
  }

  /**
   * First-order Taylor test: E1 = O(h²) along a random direction, with Jv from the forward sweep
   * and, for outputs of at most {@value #SMALL_OUTPUT} elements, once more from reverse sweeps (so
   * both the JVP and the VJP rules are judged).
   */
  public static TaylorReport assertTaylor(TapeFunction f, Tensor... x) {
    TaylorReport forward = require(TaylorTest.of(f, x).run());
    if (Recorded.value(f, x, all(x.length)).size() <= SMALL_OUTPUT) {
      require(TaylorTest.of(f, x).viaReverseSweep().run());
    }
    return forward;
  }

  private static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    java.util.Arrays.fill(b, true);
    return b;
  }

  /** Second-order Taylor test: E2 = O(h³) with forward-over-forward second derivatives. */
  public static TaylorReport assertSecondOrderTaylor(TapeFunction f, Tensor... x) {
    return require(TaylorTest.of(f, x).secondOrder().run());
  }

  /** Returns the report if it passed, throws a {@link CheckFailure} carrying it otherwise. */
  public static <R extends CheckReport> R require(R report) {
    if (!report.passed()) {
      throw new CheckFailure(report);
    }
    return report;
  }
}
