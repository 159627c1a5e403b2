package org.vecgrad.linop;

import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The Gauss-Newton (generalised Gauss-Newton) matrix of a loss {@code L(y(θ), t)} at the recorded
 * point:
 *
 * <pre>
 *   G = Jᵀ · H_L · J,     J = ∂y/∂θ,   H_L = ∂²L/∂y²   (lecture 002; lecture 004's H₀),
 * </pre>
 *
 * the part of the Hessian {@code H = G + Σ_k (∂L/∂y_k) ∇²y_k} that keeps only first derivatives of
 * the model. One product {@code G·v} is one forward sweep ({@code J·v}, over the recorded values),
 * the loss's closed-form Hessian-vector product, and one reverse sweep ({@code Jᵀ·(H_L J v)}): no
 * forward pass of the model is repeated, so CG can apply G many times after one forward pass.
 *
 * <p>G is symmetric by construction ({@code (JᵀHJ)ᵀ = JᵀHᵀJ} with {@code H_L} symmetric) and
 * positive semi-definite when {@code H_L} is ({@code vᵀGv = (Jv)ᵀH_L(Jv) ≥ 0}), whatever the model:
 * unlike the exact Hessian, CG on {@code G + λI} is always well posed for {@code λ > 0}.
 */
public final class GaussNewtonOperator implements LinearOperator {
  private final JacobianOperator jacobian;
  private final LinearOperator lossHessian;
  private final LossCurvature loss;

  private GaussNewtonOperator(JacobianOperator jacobian, LossCurvature loss, Tensor target) {
    this.jacobian = jacobian;
    this.loss = loss;
    this.lossHessian = loss.hessian(jacobian.output().value(), target);
  }

  /**
   * G of {@code loss(output, target)} with respect to {@code params}, at the point recorded on
   * {@code tape}. The loss itself need not be recorded: only the output is.
   *
   * @throws IllegalArgumentException if an argument is null or off the tape, the target's shape
   *     differs from the output's, or the loss has no Hessian at the recorded output (hinge at a
   *     kink)
   */
  public static GaussNewtonOperator of(
      Tape tape, Var output, LossCurvature loss, Tensor target, Var... params) {
    if (loss == null) {
      throw new IllegalArgumentException("GaussNewtonOperator.of: loss is null");
    }
    JacobianOperator j = JacobianOperator.of(tape, output, params);
    OperatorArgs.require(
        "GaussNewtonOperator.of " + loss.name() + " target", output.shape(), target);
    return new GaussNewtonOperator(j, loss, target);
  }

  /** J, the model output's Jacobian with respect to the parameters. */
  public JacobianOperator jacobian() {
    return jacobian;
  }

  /** {@code H_L}, the loss's Hessian with respect to the output, at the recorded output. */
  public LinearOperator lossHessian() {
    return lossHessian;
  }

  /** How the parameters are packed into the domain vector. */
  public ParameterLayout layout() {
    return jacobian.layout();
  }

  @Override
  public Shape domain() {
    return jacobian.domain();
  }

  @Override
  public Shape range() {
    return jacobian.domain();
  }

  @Override
  public Tensor apply(Tensor v) {
    OperatorArgs.domainArg(this, v);
    return jacobian.applyAdjoint(lossHessian.apply(jacobian.apply(v)));
  }

  /** G is symmetric: the same product. */
  @Override
  public Tensor applyAdjoint(Tensor u) {
    return apply(u);
  }

  @Override
  public String describe() {
    return "G = Jᵀ·H_" + loss.name() + "·J wrt " + jacobian.layout();
  }
}
