package org.vecgrad.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * Finds the guilty operation after a whole-graph check failed: every recorded op application is
 * checked on its own, at the input values it saw, by finite differences of its forward (against its
 * VJP rule) and by the adjoint identity (its JVP rule against its VJP rule). A Taylor test of a
 * single op's JVP is subsumed: a JVP that disagrees with a correct VJP fails the adjoint test.
 */
final class NodeAudit {
  private NodeAudit() {}

  static List<String> suspects(Recorded rec, long seed, Tolerances tol) {
    return suspects(rec.tape, seed, tol);
  }

  static List<String> suspects(Tape tape, long seed, Tolerances tol) {
    List<String> out = new ArrayList<>();
    for (Node node : tape.nodes()) {
      if (node.isLeaf() || !node.output().isTracked()) {
        continue;
      }
      String verdict = check(tape, node, seed, tol);
      if (verdict != null) {
        out.add(verdict);
      }
    }
    return out;
  }

  private static String check(Tape tape, Node node, long seed, Tolerances tol) {
    int n = node.arity();
    Tensor[] x = new Tensor[n];
    boolean[] wrt = new boolean[n];
    boolean any = false;
    for (int i = 0; i < n; i++) {
      Var in = node.input(i);
      x[i] = in.value();
      wrt[i] = in.tape() == tape && in.isTracked();
      any |= wrt[i];
    }
    if (!any) {
      return null;
    }
    TapeFunction local = v -> Ops.apply(node.op(), v);
    try {
      FiniteDifferenceReport fd =
          FiniteDifferenceCheck.of(local, x)
              .wrt(wrt)
              .seed(seed)
              .tolerances(tol)
              .audit(false)
              .named(node.op().name())
              .run();
      if (!fd.passed()) {
        var w = fd.worst();
        return String.format(
            Locale.ROOT,
            "%s: rules vs finite differences, worst %s: analytic %.6g, numeric %.6g"
                + " (rel error %.1e)",
            node.describe(),
            w.where(),
            w.analytic(),
            w.numeric(),
            w.relError());
      }
      AdjointReport adj = localAdjoint(local, x, wrt, seed, tol);
      if (!adj.passed()) {
        return String.format(
            Locale.ROOT,
            "%s: JVP rule disagrees with VJP rule, <u, Jv> = %.6g but <J^T u, v> = %.6g"
                + " (residual %.1e)",
            node.describe(),
            adj.lhs(),
            adj.rhs(),
            adj.residual());
      }
    } catch (RuntimeException e) {
      return node.describe() + ": its rules threw " + e;
    }
    return null;
  }

  private static AdjointReport localAdjoint(
      TapeFunction f, Tensor[] x, boolean[] wrt, long seed, Tolerances tol) {
    try (Recorded rec = Recorded.of(f, x, wrt)) {
      List<Var> xs = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (wrt[i]) {
          xs.add(rec.inputs[i]);
        }
      }
      AdjointTest t =
          AdjointTest.ofGraph(rec.output, xs.toArray(new Var[0])).seed(seed).audit(false);
      if (tol != null) {
        t.tolerances(tol);
      }
      return t.run();
    }
  }
}
