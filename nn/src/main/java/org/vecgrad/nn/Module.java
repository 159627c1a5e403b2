package org.vecgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * A piece of a model: a function of a batch {@code x [batch, features]} with its own {@link
 * Parameter}s and sub-modules.
 *
 * <p>Subclasses write {@link #forward(Tape, Var)} with ordinary {@link org.vecgrad.autodiff.Ops}
 * calls and register what they own with {@link #addParameter} and {@link #addModule}. Callers use
 * {@link #call(Tape, Var)}, which records the forward pass inside {@code tape.scope(label())} so
 * that pictures of the tape cluster each module's nodes.
 *
 * <p>Names follow PyTorch: a parameter's full name is the dotted path of module names down to it
 * ({@code fc1.weight}); {@link #namedParameters()} lists them in registration order, which is also
 * the order of {@link #parameters()}, of the optimiser state and of the saved file.
 */
public abstract class Module {
  private final Map<String, Parameter> params = new LinkedHashMap<>();
  private final Map<String, Module> children = new LinkedHashMap<>();
  private boolean training = true;

  /** The forward pass; records on {@code tape}. Use {@link #call} from outside the module. */
  public abstract Var forward(Tape tape, Var x);

  /** Records {@link #forward} inside {@code tape.scope(label())}. */
  public final Var call(Tape tape, Var x) {
    try (Tape.Pause s = tape.scope(label())) {
      return forward(tape, x);
    }
  }

  /** Records a child's forward pass inside {@code tape.scope(childName)}; for containers. */
  protected static Var callChild(Tape tape, String childName, Module child, Var x) {
    try (Tape.Pause s = tape.scope(childName)) {
      return child.forward(tape, x);
    }
  }

  /**
   * Evaluates the model on a batch without recording a graph ({@code no_grad}): the parameters
   * enter as leaves, every op runs eagerly and nothing is kept for a backward sweep.
   */
  public Tensor predict(Tensor x) {
    try (Tape tape = new Tape();
        Tape.Pause p = tape.pause()) {
      return call(tape, tape.constant("x", x)).value();
    }
  }

  /** The scope name this module records under when called directly (default: its class name). */
  public String label() {
    return getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** Registers a parameter owned by this module under its local name. */
  protected final Parameter addParameter(Parameter p) {
    if (params.containsKey(p.name()) || children.containsKey(p.name())) {
      throw new IllegalArgumentException(
          label() + ": a parameter or module named '" + p.name() + "' is already registered");
    }
    params.put(p.name(), p);
    return p;
  }

  /** Registers a sub-module under {@code name} (the next component of parameter paths). */
  protected final <M extends Module> M addModule(String name, M child) {
    if (name == null || name.isEmpty() || name.contains(".")) {
      throw new IllegalArgumentException(
          label() + ": module name must be non-empty and contain no '.', got '" + name + "'");
    }
    if (params.containsKey(name) || children.containsKey(name)) {
      throw new IllegalArgumentException(
          label() + ": a parameter or module named '" + name + "' is already registered");
    }
    children.put(name, child);
    return child;
  }

  /** The direct sub-modules by name, in registration order (read-only). */
  public Map<String, Module> children() {
    return Collections.unmodifiableMap(children);
  }

  /** Every parameter of this module and its descendants, keyed by dotted path. */
  public Map<String, Parameter> namedParameters() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    collect("", out);
    return out;
  }

  private void collect(String prefix, Map<String, Parameter> out) {
    for (Map.Entry<String, Parameter> e : params.entrySet()) {
      out.put(prefix + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, Module> e : children.entrySet()) {
      e.getValue().collect(prefix + e.getKey() + ".", out);
    }
  }

  /** Every parameter, in the order of {@link #namedParameters()}. */
  public List<Parameter> parameters() {
    return new ArrayList<>(namedParameters().values());
  }

  /** Total number of trainable scalars. */
  public long numParameters() {
    long n = 0;
    for (Parameter p : parameters()) {
      n += p.size();
    }
    return n;
  }

  /** Switches this module and its descendants to training mode (the default). */
  public Module train() {
    setTraining(true);
    return this;
  }

  /** Switches this module and its descendants to evaluation mode. */
  public Module eval() {
    setTraining(false);
    return this;
  }

  private void setTraining(boolean on) {
    training = on;
    for (Module c : children.values()) {
      c.setTraining(on);
    }
  }

  /**
   * True in training mode. The modules in this package behave the same in both modes; the flag is
   * for modules that do not (dropout, batch statistics) and is switched by the trainer.
   */
  public boolean isTraining() {
    return training;
  }

  /**
   * Micrograd-style backward: {@code tape.grad(loss, parameter vars)} and each gradient added into
   * {@link Parameter#grad()}. A parameter not used on this tape gets a zero gradient.
   */
  public void backward(Tape tape, Var loss) {
    List<Parameter> ps = parameters();
    List<Var> vars = new ArrayList<>();
    for (Parameter p : ps) {
      Var v = p.boundOn(tape);
      if (v != null) {
        vars.add(v);
      }
    }
    Gradients g = tape.grad(loss, vars.toArray(new Var[0]));
    for (Parameter p : ps) {
      Var v = p.boundOn(tape);
      p.accumulateGrad(v != null ? g.of(v) : Tensor.zeros(p.value().shape(), p.value().dtype()));
    }
  }

  /** Clears every parameter's gradient slot. */
  public void zeroGrad() {
    for (Parameter p : parameters()) {
      p.zeroGrad();
    }
  }

  /** A one-line-per-module summary with parameter shapes. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(describe());
    for (Map.Entry<String, Module> e : children.entrySet()) {
      String child = e.getValue().toString().replace("\n", "\n  ");
      sb.append("\n  (").append(e.getKey()).append("): ").append(child);
    }
    return sb.toString();
  }

  /** This module alone, e.g. {@code Linear(784 → 256)}. */
  protected String describe() {
    return getClass().getSimpleName();
  }
}
