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

/**
 * The first-order training step, through the public autodiff API only:
 *
 * <pre>{@code
 * try (Tape tape = new Tape()) {
 *   Var out = model.call(tape, tape.constant("x", batch.x()));   // parameters bind as variables
 *   Var l = loss.value(out, tape.constant("target", t));
 *   Gradients g = tape.grad(l, parameter vars...);
 *   optimizer.step(parameters, gradients);
 * }
 * }</pre>
 */
public final class GradientStep implements TrainingStep {
  private final Optimizer optimizer;

  /** A step that feeds gradients to {@code optimizer}. */
  public GradientStep(Optimizer optimizer) {
    this.optimizer = optimizer;
  }

  /** The optimiser. */
  public Optimizer optimizer() {
    return optimizer;
  }

  @Override
  public StepResult step(Module model, Loss loss, Batch batch) {
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
