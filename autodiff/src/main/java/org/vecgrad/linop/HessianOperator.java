package org.vecgrad.linop;

import org.vecgrad.autodiff.Backward;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The exact Hessian {@code H = ∇²L(θ)} of a scalar recorded on a tape, as a symmetric operator on
 * the packed parameters ({@link ParameterLayout}), by reverse-over-reverse differentiation.
 *
 * <p>Construction records the reverse sweep itself once ({@code tape.backward(L).wrt(θ)
 * .createGraph()}), so the gradient {@code g(θ)} becomes a recorded function of θ, and then joins
 * the blocks into one recorded flat vector {@code g = [vec g₁; …; vec g_k]}. Each product is then
 * one reverse sweep of g seeded with the constant v:
 *
 * <pre>
 *   H·v = ∇_θ ⟨g(θ), v⟩ = (∂g/∂θ)ᵀ·v = tape.backward(g).seed(v).wrt(θ).run()
 * </pre>
 *
 * (∂g/∂θ is symmetric, so this is also {@code H·v}). <b>Memory:</b> the construction roughly
 * doubles the tape (the recorded reverse sweep holds the cotangent of every node between θ and L);
 * the products themselves record nothing, so the tape does not grow however many products are
 * taken. Record this operator after any Jacobian or Gauss-Newton operator on the same tape if
 * forward sweeps matter: a forward sweep walks to the end of the tape, recorded gradient included.
 */
public final class HessianOperator implements LinearOperator {
  private final Tape tape;
  private final Var loss;
  private final Var[] params;
  private final ParameterLayout layout;
  private final Var flatGradient;

  private HessianOperator(Tape tape, Var loss, Var[] params) {
    this.tape = tape;
    this.loss = loss;
    this.params = params;
    this.layout = ParameterLayout.of(params);
    Gradients g = tape.backward(loss).wrt(params).createGraph().run();
    Var[] blocks = new Var[params.length];
    for (int i = 0; i < params.length; i++) {
      blocks[i] = Ops.reshape(g.var(params[i]), Shape.of(params[i].shape().size()));
    }
    this.flatGradient = blocks.length == 1 ? blocks[0] : Ops.concat(0, blocks);
  }

  /**
   * H of the scalar {@code loss} with respect to {@code params}, at the point recorded on {@code
   * tape}; records the gradient graph on the tape (once).
   *
   * @throws IllegalArgumentException if loss is not a single value, or an argument is off the tape
   */
  public static HessianOperator of(Tape tape, Var loss, Var... params) {
    String where = "HessianOperator.of";
    if (tape == null || loss == null || params == null || params.length == 0) {
      throw new IllegalArgumentException(
          where + ": needs a tape, a loss and at least one parameter");
    }
    JacobianOperator.requireOnTape(where, tape, loss, "loss");
    if (loss.shape().size() != 1) {
      throw new IllegalArgumentException(
          where + ": the loss " + loss + " has shape " + loss.shape() + ", not a single value");
    }
    JacobianOperator.of(tape, loss, params); // the same checks on the parameters
    return new HessianOperator(tape, loss, params.clone());
  }

  /** How the parameters are packed into the domain vector. */
  public ParameterLayout layout() {
    return layout;
  }

  /** The recorded flat gradient {@code g(θ)} (shape {@code [n]}), differentiable again. */
  public Var gradient() {
    return flatGradient;
  }

  @Override
  public Shape domain() {
    return layout.shape();
  }

  @Override
  public Shape range() {
    return layout.shape();
  }

  @Override
  public Tensor apply(Tensor v) {
    OperatorArgs.domainArg(this, v);
    if (flatGradient.tape() != tape) { // the gradient is a constant: L is at most linear in θ
      return Tensor.zeros(domain(), v.dtype());
    }
    Backward sweep = tape.backward(flatGradient).seed(v.cast(flatGradient.dtype())).wrt(params);
    Gradients hv = sweep.run();
    Tensor[] parts = new Tensor[params.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = hv.of(params[i]);
    }
    return layout.pack(parts);
  }

  /** H is symmetric: the same product. */
  @Override
  public Tensor applyAdjoint(Tensor u) {
    return apply(u);
  }

  @Override
  public String describe() {
    String l = loss.name() != null ? loss.name() : "L" + loss.index();
    return "H = ∇²" + l + " wrt " + layout;
  }
}
