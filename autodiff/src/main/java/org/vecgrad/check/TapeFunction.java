package org.vecgrad.check;

import org.vecgrad.autodiff.Var;

/**
 * A function under test, written with {@link org.vecgrad.autodiff.Ops} on its inputs. The checks
 * evaluate it many times, each time on a fresh {@link org.vecgrad.autodiff.Tape} where the inputs
 * are variables, so it must be a pure function of its inputs (constants it needs are captured
 * tensors or detached {@link Var}s).
 *
 * <pre>{@code
 * TapeFunction f = x -> sum(square(sigmoid(matmul(x[0], x[1]))));
 * Checks.assertGradient(f, W, X);
 * }</pre>
 */
@FunctionalInterface
public interface TapeFunction {
  /** The output for the given inputs (recorded on their tape). */
  Var apply(Var... inputs);
}
