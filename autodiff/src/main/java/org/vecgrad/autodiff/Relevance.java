package org.vecgrad.autodiff;

/**
 * Which nodes a reverse sweep must reach: the requested inputs ("targets") and the nodes that
 * depend on one of them. Cotangents are propagated only into these.
 *
 * <p>The common case needs no pass over the tape. Every op node depends on some variable (ops are
 * recorded only when an input is tracked), so when every variable up to the output is a target,
 * exactly the tracked nodes are relevant and {@link Var#isTracked()} already says so. Otherwise one
 * forward pass marks the dependants of the targets.
 */
final class Relevance {
  private final boolean[] target;

  /** Per node, or null when the relevant nodes are exactly the tracked ones. */
  private final boolean[] needs;

  private Relevance(boolean[] target, boolean[] needs) {
    this.target = target;
    this.needs = needs;
  }

  /** The relevance of the nodes up to {@code top} for a sweep with respect to {@code targets}. */
  static Relevance of(Tape tape, Var[] targets, int top) {
    boolean[] target = new boolean[top + 1];
    int variables = 0;
    for (Var t : targets) {
      int i = t.index();
      if (i <= top && !target[i]) {
        target[i] = true;
        variables += tape.node(i).kind() == Node.Kind.VARIABLE ? 1 : 0;
      }
    }
    boolean all = variables == tape.variablesUpTo(top);
    return new Relevance(target, all ? null : dependants(tape, target, top));
  }

  /** Marks the targets and every node with a marked input, in tape (topological) order. */
  private static boolean[] dependants(Tape tape, boolean[] target, int top) {
    boolean[] needs = target.clone();
    for (int i = 0; i <= top; i++) {
      Node node = tape.node(i);
      for (int j = 0; j < node.arity() && !needs[i]; j++) {
        Var in = node.input(j);
        needs[i] = in.tape() == tape && needs[in.index()];
      }
    }
    return needs;
  }

  /** True if node {@code i} was requested. */
  boolean isTarget(int i) {
    return target[i];
  }

  /** True if a cotangent must reach {@code v} (a Var of the swept tape, at most the top). */
  boolean needs(Var v) {
    return needs == null ? v.isTracked() : needs[v.index()];
  }

  /** {@link #needs(Var)} for op node {@code i}, whose output is always tracked. */
  boolean needsOp(int i) {
    return needs == null || needs[i];
  }
}
