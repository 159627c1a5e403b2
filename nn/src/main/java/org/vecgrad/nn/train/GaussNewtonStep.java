package org.vecgrad.nn.train;

import java.util.ArrayList;
import java.util.List;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.ConjugateGradient;
import org.vecgrad.linop.GaussNewtonOperator;
import org.vecgrad.linop.ParameterLayout;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.loss.Loss;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * A Gauss-Newton / Levenberg–Marquardt step solved by conjugate gradients (lecture 002): at the
 * recorded point, solve
 *
 * <pre>
 *   (G + λI) d = −∇ℓ,    G = Jᵀ H_ℓ J   (J = ∂output/∂θ, H_ℓ the loss's Hessian in the output),
 * </pre>
 *
 * by CG, each product {@code G·v} being one forward sweep, the loss's closed-form Hessian-vector
 * product and one reverse sweep over the same tape ({@link GaussNewtonOperator}); then {@code θ ← θ
 * + α d} with a backtracking (Armijo) line search on the batch loss, starting at α = 1.
 *
 * <p>{@link Builder#ignoreCoupling()} is the lecture's variant that drops the coupling between
 * parameter blocks: each block (K, b, W, …) solves its own system with its own diagonal block
 * {@code Gᵢᵢ = Jᵢᵀ H_ℓ Jᵢ}, so the products are cheaper and the blocks can be solved independently.
 * λ adapts as in Levenberg–Marquardt: divided by 3 after a full step, multiplied by 2 when the line
 * search had to shorten the step.
 */
public final class GaussNewtonStep implements TrainingStep {
  private final int cgIterations;
  private final double cgTolerance;
  private final boolean ignoreCoupling;
  private final double minDamping;
  private double damping;
  private int lastCgIterations;

  private GaussNewtonStep(Builder b) {
    this.cgIterations = b.cgIterations;
    this.cgTolerance = b.cgTolerance;
    this.ignoreCoupling = b.ignoreCoupling;
    this.damping = b.damping;
    this.minDamping = b.minDamping;
  }

  /** A builder with λ = 1e-3, 20 CG iterations, relative tolerance 1e-4, coupled blocks. */
  public static Builder builder() {
    return new Builder();
  }

  /** The current damping λ. */
  public double damping() {
    return damping;
  }

  /** CG iterations taken in the last step (summed over blocks when coupling is ignored). */
  public int lastCgIterations() {
    return lastCgIterations;
  }

  /**
   * One step inside a {@link Workspace}: the products of the CG solve and the line search's forward
   * passes reuse one another's storage; only the accepted parameter values leave it, as copies.
   */
  @Override
  public StepResult step(Module model, Loss loss, Batch batch) {
    try (Workspace ws = Workspace.open()) {
      return recordSolveAndSearch(model, loss, batch);
    }
  }

  private StepResult recordSolveAndSearch(Module model, Loss loss, Batch batch) {
    List<Parameter> params = model.parameters();
    Tensor target = loss.encodeTargets(batch.targets());
    double before;
    StepResult result;
    Tensor[] direction;
    double slope = 0;
    try (Tape tape = new Tape()) {
      Var out = model.call(tape, tape.constant("x", batch.x()));
      Var[] vars = boundVars(params, tape);
      Var l = loss.value(out, tape.constant("target", target));
      before = l.item();
      result = new StepResult(before, batch.correct(out.value()), batch.size());
      Gradients g = tape.grad(l, vars);
      direction = new Tensor[vars.length];
      lastCgIterations = 0;
      if (ignoreCoupling) {
        for (int i = 0; i < vars.length; i++) {
          direction[i] = solve(tape, out, loss, target, new Var[] {vars[i]}, g)[0];
        }
      } else {
        direction = solve(tape, out, loss, target, vars, g);
      }
      for (int i = 0; i < vars.length; i++) {
        slope += dot(g.of(vars[i]), direction[i]);
      }
    }
    lineSearch(model, loss, batch.x(), target, params, direction, before, slope);
    return result;
  }

  /** Solves {@code (G + λI) d = −g} for the given blocks; returns d split by block. */
  private Tensor[] solve(Tape tape, Var out, Loss loss, Tensor target, Var[] vars, Gradients g) {
    GaussNewtonOperator gn = GaussNewtonOperator.of(tape, out, loss, target, vars);
    ParameterLayout layout = gn.layout();
    Tensor[] grads = new Tensor[vars.length];
    for (int i = 0; i < vars.length; i++) {
      grads[i] = negate(g.of(vars[i]));
    }
    ConjugateGradient.Result r =
        new ConjugateGradient()
            .damping(damping)
            .tolerance(cgTolerance)
            .maxIterations(cgIterations)
            .solve(gn, layout.pack(grads));
    lastCgIterations += r.iterations();
    return layout.unpack(r.x());
  }

  /** Armijo backtracking from α = 1; adapts λ; leaves the parameters at the accepted point. */
  private void lineSearch(
      Module model,
      Loss loss,
      Tensor x,
      Tensor target,
      List<Parameter> params,
      Tensor[] d,
      double before,
      double slope) {
    List<Tensor> start = new ArrayList<>();
    for (Parameter p : params) {
      start.add(p.value());
    }
    double alpha = 1;
    for (int tries = 0; tries < 12; tries++) {
      for (int i = 0; i < params.size(); i++) {
        params.get(i).set(axpy(alpha, d[i], start.get(i)).copy()); // outlives the workspace
      }
      double after = loss.value(Var.constant(model.predict(x)), Var.constant(target)).item();
      if (after <= before + 1e-4 * alpha * slope) {
        damping = alpha == 1 ? Math.max(minDamping, damping / 3) : damping * 2;
        return;
      }
      alpha /= 2;
    }
    for (int i = 0; i < params.size(); i++) { // no decrease found: stay put, damp harder
      params.get(i).set(start.get(i));
    }
    damping *= 10;
  }

  private static Var[] boundVars(List<Parameter> params, Tape tape) {
    Var[] vars = new Var[params.size()];
    for (int i = 0; i < vars.length; i++) {
      vars[i] = params.get(i).boundOn(tape);
      if (vars[i] == null) {
        throw new IllegalStateException(
            "GaussNewtonStep: parameter " + params.get(i).name() + " was not used by the model");
      }
    }
    return vars;
  }

  private static double dot(Tensor a, Tensor b) {
    double s = 0;
    for (int i = 0; i < a.size(); i++) {
      s += a.at(i) * b.at(i);
    }
    return s;
  }

  private static Tensor negate(Tensor t) {
    return org.vecgrad.autodiff.Ops.neg(Var.constant(t)).value();
  }

  private static Tensor axpy(double a, Tensor x, Tensor y) {
    return org.vecgrad.autodiff.Ops.add(
            org.vecgrad.autodiff.Ops.scale(Var.constant(x), a), Var.constant(y))
        .value()
        .cast(y.dtype());
  }

  /** Settings of a {@link GaussNewtonStep}. */
  public static final class Builder {
    private int cgIterations = 20;
    private double cgTolerance = 1e-4;
    private boolean ignoreCoupling;
    private double damping = 1e-3;
    private double minDamping = 1e-8;

    private Builder() {}

    /** Initial Levenberg–Marquardt damping λ (&gt; 0). */
    public Builder damping(double lambda) {
      if (!(lambda > 0)) {
        throw new IllegalArgumentException("GaussNewtonStep.damping: need λ > 0, got " + lambda);
      }
      this.damping = lambda;
      return this;
    }

    /** The smallest λ the adaptation may reach. */
    public Builder minDamping(double lambda) {
      this.minDamping = lambda;
      return this;
    }

    /** Maximum CG iterations per solve (&gt; 0). */
    public Builder cgIterations(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("GaussNewtonStep.cgIterations: need ≥ 1, got " + k);
      }
      this.cgIterations = k;
      return this;
    }

    /** Relative residual tolerance of CG. */
    public Builder cgTolerance(double tol) {
      this.cgTolerance = tol;
      return this;
    }

    /** Solve each parameter block with its own diagonal block of G (lecture 002's variant). */
    public Builder ignoreCoupling() {
      this.ignoreCoupling = true;
      return this;
    }

    /** The step. */
    public GaussNewtonStep build() {
      return new GaussNewtonStep(this);
    }
  }
}
