package org.vecgrad.autodiff;

import org.vecgrad.tensor.Tensor;

/** The result of a forward sweep: the tangent of every node, zero where none arrived. */
public final class Tangents {
  private final Tape tape;
  private final Var[] tangents;

  Tangents(Tape tape, Var[] tangents) {
    this.tape = tape;
    this.tangents = tangents;
  }

  /** The tangent of {@code y}, shaped like y (zeros if y does not depend on a seeded node). */
  public Tensor of(Var y) {
    return var(y).value();
  }

  /** The tangent as a Var (recorded after {@link Forward#createGraph()}). */
  public Var var(Var y) {
    tape.checkMine("tangents.of", y);
    Var t = y.index() < tangents.length ? tangents[y.index()] : null;
    return t != null ? t : Var.constant(Tensor.zeros(y.shape(), y.dtype()));
  }
}
