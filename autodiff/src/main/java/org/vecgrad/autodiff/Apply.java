package org.vecgrad.autodiff;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The body of {@link Ops#apply}: checks the inputs (tape, dtype, shape rule) before any kernel
 * runs, computes the value, and records the application when an input is tracked and its tape is
 * recording.
 *
 * <p>Besides the general form there are one- and two-input forms. Almost every application has one
 * or two inputs, and for scalars the varargs arrays ({@code Var[]}, {@code Shape[]}, {@code
 * Tensor[]}) cost more than the arithmetic; the short forms make none of them and call {@link
 * Op#unaryShape}/{@link Op#binaryShape} and {@link Op#unaryForward}/{@link Op#binaryForward}. All
 * three forms make the same checks in the same order and fail with the same messages.
 */
final class Apply {
  private Apply() {}

  /** Any number of inputs. */
  static Var any(Op op, Var[] inputs) {
    Tape tape = null;
    boolean tracked = false;
    Shape[] shapes = new Shape[inputs.length];
    Tensor[] values = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      Var v = inputs[i];
      tape = join(op, tape, inputs[0], v, i);
      tracked |= v.isTracked();
      shapes[i] = v.shape();
      values[i] = v.value();
      if (i > 0) {
        requireSameDtype(op, inputs[0], v);
      }
    }
    Shape expected = op.shape(shapes);
    Tensor out = op.forward(values);
    requireShape(op, out, expected);
    if (recordsOn(tape, tracked)) {
      return tape.record(op, inputs.clone(), out);
    }
    return detached(op, tape, out);
  }

  /** One input, no arrays unless recorded. */
  static Var unary(Op op, Var x) {
    Tape tape = join(op, null, x, x, 0);
    Shape expected = op.unaryShape(x.shape());
    Tensor out = op.unaryForward(x.value());
    requireShape(op, out, expected);
    if (recordsOn(tape, x.isTracked())) {
      return tape.record(op, x, out);
    }
    return detached(op, tape, out);
  }

  /** Two inputs, no arrays unless recorded. */
  static Var binary(Op op, Var a, Var b) {
    Tape tape = join(op, null, a, a, 0);
    tape = join(op, tape, a, b, 1);
    requireSameDtype(op, a, b);
    Shape expected = op.binaryShape(a.shape(), b.shape());
    Tensor out = op.binaryForward(a.value(), b.value());
    requireShape(op, out, expected);
    if (recordsOn(tape, a.isTracked() || b.isTracked())) {
      return tape.record(op, a, b, out);
    }
    return detached(op, tape, out);
  }

  /**
   * Checks input {@code i} (not null, its tape open and the same as the inputs' so far) and returns
   * the inputs' tape so far; {@code first} names input 0 in the error for two tapes.
   */
  private static Tape join(Op op, Tape tape, Var first, Var v, int i) {
    if (v == null) {
      throw new IllegalArgumentException(op.name() + ": input " + i + " is null");
    }
    Tape t = v.tape();
    if (t == null) {
      return tape;
    }
    if (t.isClosed()) {
      t.checkOpen(op.name()); // throws; the name is only needed for the message
    }
    if (tape != null && tape != t) {
      throw new IllegalArgumentException(
          op.name()
              + ": inputs come from two different tapes ("
              + first
              + " and "
              + v
              + "); record the whole expression on one tape");
    }
    return t;
  }

  private static void requireSameDtype(Op op, Var first, Var v) {
    if (v.dtype() != first.dtype() && !op.mixesDtypes()) {
      throw new IllegalArgumentException(
          op.name()
              + ": mixed dtypes "
              + first.dtype()
              + " and "
              + v.dtype()
              + "; cast one explicitly, e.g. Ops.cast(x, DType."
              + first.dtype()
              + ")");
    }
  }

  private static void requireShape(Op op, Tensor out, Shape expected) {
    Shape actual = out.shape();
    if (actual != expected && !actual.equals(expected)) {
      throw new IllegalStateException(
          op.name() + ": forward produced shape " + actual + ", its shape rule says " + expected);
    }
  }

  private static boolean recordsOn(Tape tape, boolean tracked) {
    return tape != null && tracked && tape.isRecording();
  }

  /** The unrecorded result; in watch mode a non-finite value still fails here. */
  private static Var detached(Op op, Tape tape, Tensor out) {
    if (tape != null && tape.isWatchingNonFinite() && !out.isFinite()) {
      throw new NonFiniteException(-1, op.label() + " produced a non-finite value (not recorded)");
    }
    return Var.constant(out);
  }
}
