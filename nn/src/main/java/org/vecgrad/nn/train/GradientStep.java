package org.vecgrad.nn.train;

import java.util.ArrayList;
import java.util.List;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.nn.Module;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Batch;
import org.vecgrad.nn.loss.Loss;
import org.vecgrad.nn.optim.Optimizer;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * The first-order training step, through the public autodiff API only:
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(); Tape tape = new Tape()) {
 *   Var out = model.call(tape, tape.constant("x", batch.x()));   // parameters bind as variables
 *   Var l = loss.value(out, tape.constant("target", t));
 *   Gradients g = tape.grad(l, parameter vars...);
 *   optimizer.step(parameters, gradients);
 * }
 * }</pre>
 */
public final class GradientStep implements TrainingStep {
  private final Optimizer optimizer;
  private final boolean recycling;

  /**
   * A step that feeds gradients to {@code optimizer}, inside a {@link Workspace}: the step's
   * activations, adjoints and gradients reuse the previous step's storage (nothing of them outlives
   * the step; the optimiser's new parameter values are never leased).
   */
  public GradientStep(Optimizer optimizer) {
    this(optimizer, true);
  }

  private GradientStep(Optimizer optimizer, boolean recycling) {
    this.optimizer = optimizer;
    this.recycling = recycling;
  }

  /**
   * The same step without a workspace: every step allocates its intermediates afresh. For
   * comparisons (the bench's A/B) and for models whose own code keeps an intermediate tensor across
   * steps, which a workspace would make unreadable (it throws, naming the tensor's shape).
   */
  public GradientStep withoutWorkspace() {
    return new GradientStep(optimizer, false);
  }

  /** The optimiser. */
  public Optimizer optimizer() {
    return optimizer;
  }

  @Override
  public StepResult step(Module model, Loss loss, Batch batch) {
    if (!recycling) {
      return recordAndUpdate(model, loss, batch);
    }
    try (Workspace ws = Workspace.open()) {
      return recordAndUpdate(model, loss, batch);
    }
  }

  private StepResult recordAndUpdate(Module model, Loss loss, Batch batch) {
    List<Parameter> params = model.parameters();
    try (Tape tape = new Tape()) {
      Var out = model.call(tape, tape.constant("x", batch.x()));
      Var l;
      try (Tape.Pause s = tape.scope("loss")) {
        l = loss.value(out, tape.constant("target", loss.encodeTargets(batch.targets())));
      }
      List<Var> vars = new ArrayList<>();
      for (Parameter p : params) {
        Var v = p.boundOn(tape);
        if (v != null) {
          vars.add(v);
        }
      }
      Gradients g = tape.grad(l, vars.toArray(new Var[0]));
      List<Tensor> grads = new ArrayList<>(params.size());
      for (Parameter p : params) {
        Var v = p.boundOn(tape);
        grads.add(v != null ? g.of(v) : Tensor.zeros(p.value().shape(), p.value().dtype()));
      }
      StepResult r = new StepResult(l.item(), batch.correct(out.value()), batch.size());
      optimizer.step(params, grads);
      return r;
    }
  }
}
