package org.vecgrad.nn;

import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * A trainable tensor owned by a {@link Module}.
 *
 * <p>Tensors are immutable, so a parameter is a mutable <em>slot</em> holding the current value; an
 * optimiser step replaces the value with a new tensor ({@link #set}). During a forward pass the
 * parameter is bound to the tape as a variable ({@link #on(Tape)}); the gradient comes back from
 * {@link Tape#grad} as a value, exactly as for any other variable.
 *
 * <p>The micrograd-style {@link #grad()} / {@link #zeroGrad()} slot is a convenience on top of that
 * single path: {@link Module#backward(Tape, Var)} runs {@code tape.grad(loss, vars)} and adds each
 * gradient into the slot, and {@code optimizer.step(model.parameters())} reads it.
 */
public final class Parameter {
  private final String name;
  private Tensor value;
  private Tensor grad;
  private Var bound;

  /** A parameter with a local name (e.g. {@code weight}) and an initial value. */
  public Parameter(String name, Tensor value) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Parameter: name must be non-empty");
    }
    if (value == null) {
      throw new IllegalArgumentException("Parameter " + name + ": value is null");
    }
    this.name = name;
    this.value = value;
  }

  /** The local name given by the owning module ({@code weight}, {@code bias}). */
  public String name() {
    return name;
  }

  /** The current value. */
  public Tensor value() {
    return value;
  }

  /**
   * Replaces the value (an optimiser step, a load, a restore). The new value must have the same
   * shape and dtype: a parameter never changes what it is, only where it is.
   *
   * @throws IllegalArgumentException on a shape or dtype change
   */
  public void set(Tensor newValue) {
    if (newValue == null
        || !newValue.shape().equals(value.shape())
        || newValue.dtype() != value.dtype()) {
      throw new IllegalArgumentException(
          "Parameter.set "
              + name
              + ": expected "
              + value.dtype()
              + value.shape()
              + ", got "
              + (newValue == null ? "null" : newValue.dtype() + "" + newValue.shape()));
    }
    this.value = newValue;
    this.bound = null;
  }

  /**
   * The parameter as a variable on {@code tape}: created on first use, then the same Var for the
   * rest of that tape's life, so a parameter used twice in one expression is one leaf.
   */
  public Var on(Tape tape) {
    if (bound == null || bound.tape() != tape || tape.isClosed()) {
      bound = tape.variable(name, value);
    }
    return bound;
  }

  /** The Var this parameter is bound to on {@code tape}, or null if it was not used there. */
  public Var boundOn(Tape tape) {
    return bound != null && bound.tape() == tape && !tape.isClosed() ? bound : null;
  }

  /** The accumulated gradient (micrograd style), or null after {@link #zeroGrad()}. */
  public Tensor grad() {
    return grad;
  }

  /** Adds {@code g} into the gradient slot (gradients of several losses add up). */
  public void accumulateGrad(Tensor g) {
    if (!g.shape().equals(value.shape())) {
      throw new IllegalArgumentException(
          "Parameter.accumulateGrad " + name + ": gradient " + g.shape() + " vs " + value.shape());
    }
    grad = grad == null ? g : Ops.add(Var.constant(grad), Var.constant(g)).value();
  }

  /** Clears the gradient slot. */
  public void zeroGrad() {
    grad = null;
  }

  /** Number of scalars. */
  public int size() {
    return value.size();
  }

  @Override
  public String toString() {
    return "Parameter(" + name + ", " + value.dtype() + value.shape() + ")";
  }
}
