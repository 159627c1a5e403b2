package org.vecgrad.check;

import org.vecgrad.tensor.DType;

/**
 * Every numerical threshold of the checks, per dtype, in one place.
 *
 * <ul>
 *   <li>Central differences have truncation error {@code O(h²)} and round-off error {@code O(ε/h)};
 *       the step {@code h = ε^{1/3}} balances them and leaves an error of about {@code ε^{2/3}}
 *       relative (≈ 4e-11 for F64, 2e-5 for F32), well under {@link #fdRelative()}.
 *   <li>The adjoint identity {@code ⟨u, Jv⟩ = ⟨Jᵀu, v⟩} holds to round-off: the residual relative
 *       to {@code ‖u‖‖Jv‖ + ‖Jᵀu‖‖v‖} is a few ε.
 *   <li>Taylor slopes are accepted within {@link #slopeSlack()} of the expected order, over at
 *       least {@link #minSlopes()} halvings whose errors stand above {@link #roundoffFactor()}·ε
 *       times the size of the values (below that, round-off is all that is left).
 * </ul>
 *
 * @param fdStep relative step of central differences
 * @param fdRelative largest accepted relative error between analytic and numeric derivatives
 * @param adjoint largest accepted relative residual of the adjoint identity
 * @param slopeSlack accepted shortfall of an observed Taylor order below the expected one
 * @param minSlopes number of good Taylor slopes that make a verdict
 * @param roundoffFactor multiple of ε·scale under which a Taylor error counts as round-off
 * @param epsilon machine epsilon of the dtype the values are rounded to
 */
public record Tolerances(
    double fdStep,
    double fdRelative,
    double adjoint,
    double slopeSlack,
    int minSlopes,
    double roundoffFactor,
    double epsilon) {

  private static final Tolerances F64 =
      new Tolerances(6e-6, 1e-6, 1e-12, 0.25, 3, 100, DType.F64.epsilon());
  private static final Tolerances F32 =
      new Tolerances(5e-3, 2e-2, 2e-5, 0.5, 2, 10, DType.F32.epsilon());

  /** The defaults for a dtype. */
  public static Tolerances of(DType dtype) {
    return dtype == DType.F32 ? F32 : F64;
  }

  /**
   * The same tolerances with error bounds multiplied by {@code factor} (for functions whose
   * evaluation loses more digits, such as long compositions).
   */
  public Tolerances loosened(double factor) {
    return new Tolerances(
        fdStep,
        fdRelative * factor,
        adjoint * factor,
        slopeSlack,
        minSlopes,
        roundoffFactor * factor,
        epsilon);
  }

  /** The coarser of two dtypes: a check is only as precise as its least precise value. */
  public static DType coarser(DType a, DType b) {
    return a == DType.F32 || b == DType.F32 ? DType.F32 : DType.F64;
  }
}
