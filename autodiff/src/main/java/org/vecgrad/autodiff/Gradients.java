package org.vecgrad.autodiff;

import java.util.Arrays;
import org.vecgrad.tensor.Tensor;

/**
 * The result of a reverse sweep: the cotangent of each requested input, as a value.
 *
 * <p>Gradients are returned, never accumulated into parameters, so running the same sweep twice
 * gives the same answer. An input the output does not depend on has a zero gradient.
 */
public final class Gradients {
  private final Var[] wrt;
  private final Var[] adjoints;
  private final boolean keptAll;

  Gradients(Var[] wrt, Var[] adjoints, boolean keptAll) {
    this.wrt = wrt;
    this.adjoints = adjoints;
    this.keptAll = keptAll;
  }

  /**
   * The gradient with respect to {@code x}, shaped like x.
   *
   * @throws IllegalArgumentException if x was not among the requested inputs
   */
  public Tensor of(Var x) {
    return var(x).value();
  }

  /**
   * The gradient as a Var. After a {@link Backward#createGraph()} sweep it is recorded on the tape
   * and can be differentiated again; otherwise it is detached.
   */
  public Var var(Var x) {
    requireRequested(x);
    Var g = x.index() < adjoints.length ? adjoints[x.index()] : null;
    return g != null ? g : Var.constant(Tensor.zeros(x.shape(), x.dtype()));
  }

  /**
   * The cotangent reached at any node during a {@link Backward#keepAll()} sweep, or null where none
   * arrived (the node does not influence the output, or does not depend on an input).
   */
  public Tensor adjoint(Var node) {
    if (!keptAll) {
      throw new IllegalStateException(
          "adjoint: intermediate cotangents were not kept; run tape.backward(y).keepAll().run()");
    }
    Var g = node.index() >= 0 && node.index() < adjoints.length ? adjoints[node.index()] : null;
    return g == null ? null : g.value();
  }

  /** The inputs this sweep differentiated with respect to. */
  public Var[] wrt() {
    return wrt.clone();
  }

  private void requireRequested(Var x) {
    for (Var w : wrt) {
      if (w == x || (w.tape() == x.tape() && w.index() == x.index() && x.index() >= 0)) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "gradients.of: " + x + " was not among the inputs of this sweep " + Arrays.toString(wrt));
  }
}
