/**
 * Derivative checks users call from their own tests: {@link org.vecgrad.check.TaylorTest} (the
 * lecture's E0/E1/E2 table), {@link org.vecgrad.check.FiniteDifferenceCheck} (central differences),
 * {@link org.vecgrad.check.AdjointTest} (the dot-product test of any linear operator, including
 * Jacobians of recorded graphs) and the one-line {@link org.vecgrad.check.Checks}. All thresholds
 * live in {@link org.vecgrad.check.Tolerances}; on failure the reports name the guilty recorded
 * operations.
 */
package org.vecgrad.check;
