package org.vecgrad.linop;

import java.util.HashSet;
import java.util.Set;
import org.vecgrad.autodiff.Forward;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The Jacobian {@code J = ∂y/∂(x₁, …, x_k)} of a recorded graph at its recorded point, as an
 * operator from the packed inputs ({@link ParameterLayout}, shape {@code [Σ|xᵢ|]}) to the shape of
 * y:
 *
 * <pre>
 *   J·v  = Σᵢ (∂y/∂xᵢ)·vᵢ      one forward (tangent) sweep,  tape.forward().tangent(xᵢ, vᵢ)….run().of(y)
 *   Jᵀ·u = ((∂y/∂xᵢ)ᵀ·u)ᵢ     one reverse sweep,            tape.vjp(y, u, x₁, …, x_k)
 * </pre>
 *
 * Both sweeps use the values recorded on the tape: the function is never evaluated again. The
 * inputs may be any block of the graph (one layer's weights, a hidden activation, the data) and the
 * output any node. The forward sweep walks the tape from the first seeded input to its end, so
 * nodes recorded after y (a loss, a recorded gradient) cost time but do not change the result.
 */
public final class JacobianOperator implements LinearOperator {
  private final Tape tape;
  private final Var output;
  private final Var[] inputs;
  private final ParameterLayout layout;

  private JacobianOperator(Tape tape, Var output, Var[] inputs) {
    this.tape = tape;
    this.output = output;
    this.inputs = inputs;
    this.layout = ParameterLayout.of(inputs);
  }

  /**
   * The Jacobian of {@code output} with respect to {@code inputs} (distinct nodes of {@code tape}).
   *
   * @throws IllegalArgumentException if an argument is null or from another tape, or an input is
   *     repeated or a constant (not differentiable)
   */
  public static JacobianOperator of(Tape tape, Var output, Var... inputs) {
    String where = "JacobianOperator.of";
    if (tape == null || output == null || inputs == null || inputs.length == 0) {
      throw new IllegalArgumentException(
          where + ": needs a tape, an output and at least one input");
    }
    requireOnTape(where, tape, output, "output");
    Set<Integer> seen = new HashSet<>();
    for (Var x : inputs) {
      requireOnTape(where, tape, x, "input");
      if (!x.isTracked()) {
        // the reverse sweep never sends cotangents into constants, so Jᵀ would be silently zero
        throw new IllegalArgumentException(
            where
                + ": input "
                + x
                + " is a constant of the tape; record it with tape.variable to differentiate"
                + " with respect to it");
      }
      if (!seen.add(x.index())) {
        throw new IllegalArgumentException(where + ": input " + x + " is given twice");
      }
    }
    return new JacobianOperator(tape, output, inputs.clone());
  }

  static void requireOnTape(String where, Tape tape, Var v, String role) {
    if (v == null) {
      throw new IllegalArgumentException(where + ": " + role + " is null");
    }
    if (v.tape() != tape) {
      throw new IllegalArgumentException(
          where + ": " + role + " " + v + " is not recorded on the given tape");
    }
  }

  /** How the inputs are packed into the domain vector. */
  public ParameterLayout layout() {
    return layout;
  }

  /** The output node y. */
  public Var output() {
    return output;
  }

  /** The tape holding the point. */
  public Tape tape() {
    return tape;
  }

  @Override
  public Shape domain() {
    return layout.shape();
  }

  @Override
  public Shape range() {
    return output.shape();
  }

  @Override
  public Tensor apply(Tensor v) {
    Tensor[] parts = layout.unpack(OperatorArgs.domainArg(this, v));
    // stop at the output: nodes recorded after it (e.g. a Hessian's gradient graph) are not needed
    Forward sweep = tape.forward().until(output);
    for (int i = 0; i < inputs.length; i++) {
      sweep.tangent(inputs[i], parts[i].cast(inputs[i].dtype()));
    }
    return sweep.run().of(output);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    OperatorArgs.rangeArg(this, u);
    Gradients g = tape.vjp(output, u.cast(output.dtype()), inputs);
    Tensor[] parts = new Tensor[inputs.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] = g.of(inputs[i]);
    }
    return layout.pack(parts);
  }

  @Override
  public String describe() {
    String y = output.name() != null ? output.name() : "y" + output.index();
    return "J(" + y + " wrt " + layout + ")";
  }
}
