package org.vecgrad.nn;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

/**
 * An elementwise nonlinearity as a module without parameters. Each is a composition of primitive
 * ops, so its derivative (and its picture) comes from the tape.
 */
public final class Activation extends Module {
  private final String name;
  private final UnaryOperator<Var> f;

  private Activation(String name, UnaryOperator<Var> f) {
    this.name = name;
    this.f = f;
  }

  /** {@code ReLU(x) = max(x, 0)}, the ramp (lecture 001). */
  public static Activation relu() {
    return new Activation("relu", Ops::relu);
  }

  /** {@code σ(x) = 1/(1 + e^{−x})}. */
  public static Activation sigmoid() {
    return new Activation("sigmoid", Ops::sigmoid);
  }

  /** {@code tanh(x)}. */
  public static Activation tanh() {
    return new Activation("tanh", Ops::tanh);
  }

  /** {@code softplus(x) = log(1 + eˣ)}, a smooth ReLU. */
  public static Activation softplus() {
    return new Activation("softplus", Ops::softplus);
  }

  /**
   * Lecture 000's thresholding function {@code σ(x) = 1/(1 + e^{x/T})} with temperature {@code T}
   * (the lecture uses {@code T = 150} for raw pixel sums). Note the sign: it <em>decreases</em> in
   * x; it equals {@code sigmoid(−x/T)} and is recorded that way.
   */
  public static Activation scaledSigmoid(double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException(
          "Activation.scaledSigmoid: temperature must be > 0, got " + temperature);
    }
    return new Activation(
        "scaledSigmoid(T=" + temperature + ")", x -> Ops.sigmoid(Ops.scale(x, -1.0 / temperature)));
  }

  /** Lecture 000's {@code σ(x) = 1/(1 + e^{x/150})}. */
  public static Activation lectureSigmoid() {
    return scaledSigmoid(150);
  }

  private static final Map<String, Supplier<Activation>> BY_NAME =
      Map.of(
          "relu", Activation::relu,
          "sigmoid", Activation::sigmoid,
          "tanh", Activation::tanh,
          "softplus", Activation::softplus);

  /** The activation by name: relu, sigmoid, tanh, softplus. */
  public static Activation named(String name) {
    Supplier<Activation> a = BY_NAME.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "Activation.named: unknown activation '"
              + name
              + "' (known: "
              + new TreeSet<>(BY_NAME.keySet())
              + ")");
    }
    return a.get();
  }

  @Override
  public Var forward(Tape tape, Var x) {
    return f.apply(x);
  }

  @Override
  public String label() {
    return name;
  }

  @Override
  protected String describe() {
    return name;
  }
}
