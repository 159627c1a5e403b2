package org.vecgrad.autodiff;

import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A handle to a value in an expression: either a node recorded on a {@link Tape} or a detached
 * value that no tape tracks (a constant, or a result computed while recording was off).
 *
 * <p>The fluent methods mirror {@link Ops}, so {@code K.matmul(Y).add(b).sigmoid()} reads as {@code
 * sigmoid(add(matmul(K, Y), b))}.
 */
public final class Var {
  private final Tape tape;
  private final int index;
  private final Tensor value;
  private final boolean tracked;
  private String name;

  Var(Tape tape, int index, Tensor value, boolean tracked, String name) {
    this.tape = tape;
    this.index = index;
    this.value = value;
    this.tracked = tracked;
    this.name = name;
  }

  /** A detached constant: not on any tape, never differentiated. */
  public static Var constant(Tensor value) {
    return new Var(null, -1, value, false, null);
  }

  /** A detached scalar constant (F64). */
  public static Var constant(double value) {
    return constant(Tensor.scalar(value));
  }

  /** The value. */
  public Tensor value() {
    return value;
  }

  /** The shape of the value. */
  public Shape shape() {
    return value.shape();
  }

  /** The dtype of the value. */
  public DType dtype() {
    return value.dtype();
  }

  /** The single value of a one-element Var. */
  public double item() {
    return value.item();
  }

  /** The tape this Var is recorded on, or null if detached. */
  public Tape tape() {
    return tape;
  }

  /** Position on the tape, or -1 if detached. */
  public int index() {
    return index;
  }

  /** True if recorded on a tape. */
  public boolean isRecorded() {
    return tape != null;
  }

  /**
   * True if the value depends on a {@link Node.Kind#VARIABLE} of its tape, so derivatives flow
   * through it.
   */
  public boolean isTracked() {
    return tracked;
  }

  /** The display name, or null. */
  public String name() {
    return name;
  }

  /** Gives this Var a display name (pictures, errors) and returns it. */
  public Var named(String newName) {
    this.name = newName;
    return this;
  }

  /** The recorded node. */
  public Node node() {
    if (tape == null) {
      throw new IllegalStateException("node: " + this + " is detached and has no node");
    }
    return tape.node(index);
  }

  // ------------------------------------------------------------ fluent forms of Ops

  /** {@link Ops#add}. */
  public Var add(Var other) {
    return Ops.add(this, other);
  }

  /** {@link Ops#sub}. */
  public Var sub(Var other) {
    return Ops.sub(this, other);
  }

  /** {@link Ops#mul}. */
  public Var mul(Var other) {
    return Ops.mul(this, other);
  }

  /** {@link Ops#div}. */
  public Var div(Var other) {
    return Ops.div(this, other);
  }

  /** {@link Ops#add(Var, double)}. */
  public Var add(double c) {
    return Ops.add(this, c);
  }

  /** {@link Ops#scale}. */
  public Var mul(double c) {
    return Ops.scale(this, c);
  }

  /** {@link Ops#neg}. */
  public Var neg() {
    return Ops.neg(this);
  }

  /** {@link Ops#square}. */
  public Var square() {
    return Ops.square(this);
  }

  /** {@link Ops#pow}. */
  public Var pow(double p) {
    return Ops.pow(this, p);
  }

  /** {@link Ops#exp}. */
  public Var exp() {
    return Ops.exp(this);
  }

  /** {@link Ops#log}. */
  public Var log() {
    return Ops.log(this);
  }

  /** {@link Ops#tanh}. */
  public Var tanh() {
    return Ops.tanh(this);
  }

  /** {@link Ops#sigmoid}. */
  public Var sigmoid() {
    return Ops.sigmoid(this);
  }

  /** {@link Ops#relu}. */
  public Var relu() {
    return Ops.relu(this);
  }

  /** {@link Ops#matmul}. */
  public Var matmul(Var other) {
    return Ops.matmul(this, other);
  }

  /** {@link Ops#transpose}. */
  public Var t() {
    return Ops.transpose(this);
  }

  /** {@link Ops#sum(Var)}. */
  public Var sum() {
    return Ops.sum(this);
  }

  /** {@link Ops#mean(Var)}. */
  public Var mean() {
    return Ops.mean(this);
  }

  /** {@link Ops#reshape}. */
  public Var reshape(int... dims) {
    return Ops.reshape(this, Shape.of(dims));
  }

  @Override
  public String toString() {
    String where = tape == null ? "detached" : "#" + index;
    String n = name != null ? " '" + name + "'" : "";
    return "Var(" + where + n + ", " + value + ")";
  }
}
