package org.vecgrad.check;

import java.util.List;
import java.util.Locale;
import org.vecgrad.tensor.DType;

/**
 * The outcome of an {@link AdjointTest}: the two inner products of the worst trial, the relative
 * residual and the threshold it was held to.
 *
 * @param operator what was tested
 * @param dtype the dtype that set the threshold
 * @param lhs {@code ⟨u, A v⟩}
 * @param rhs {@code ⟨Aᵀu, v⟩}
 * @param residual {@code |lhs − rhs|} relative to {@code ‖u‖‖Av‖ + ‖Aᵀu‖‖v‖}
 * @param tolerance the accepted residual
 * @param excused true when the residual exceeds the tolerance but every op of the graph passes the
 *     test on its own and {@code |lhs − rhs|} is round-off relative to {@code ‖u‖‖v‖} (unit-size
 *     factors): the Jacobian is a product that cancels to (nearly) zero, and the residual is
 *     round-off magnified by dividing by it
 * @param suspects on failure, the ops whose JVP and VJP rules disagree
 */
public record AdjointReport(
    String operator,
    DType dtype,
    double lhs,
    double rhs,
    double residual,
    double tolerance,
    boolean excused,
    List<String> suspects)
    implements CheckReport {

  /** Copies the suspects. */
  public AdjointReport {
    suspects = List.copyOf(suspects);
  }

  @Override
  public boolean passed() {
    return residual <= tolerance || excused;
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Adjoint test of %s (%s): %s%n  <u, A v> = %.15g%n  <A^T u, v> = %.15g%n"
                    + "  relative residual %.3e (tolerance %.1e)%n",
                operator,
                dtype,
                passed() ? "PASS" : "FAIL",
                lhs,
                rhs,
                residual,
                tolerance));
    if (excused) {
      sb.append(
          "  every op passes on its own: the Jacobian cancels to nearly zero here, and the"
              + " residual is round-off relative to it\n");
    }
    Reports.appendSuspects(sb, suspects);
    return sb.toString();
  }
}
