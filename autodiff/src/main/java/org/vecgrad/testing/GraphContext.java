package org.vecgrad.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Var;

/**
 * A random graph while it is being built: its nodes so far, the domain requirements the moves
 * declared, and the names of the moves taken.
 */
public final class GraphContext {
  private final List<Var> nodes = new ArrayList<>();
  private final List<Var> required = new ArrayList<>();
  private final List<Domain> domains = new ArrayList<>();
  private final List<String> steps = new ArrayList<>();

  GraphContext(Var[] inputs) {
    nodes.addAll(List.of(inputs));
  }

  /** The nodes so far (inputs first). */
  public List<Var> nodes() {
    return java.util.Collections.unmodifiableList(nodes);
  }

  /** A random node. */
  public Var pick(SplittableRandom rng) {
    // favour recent nodes so graphs grow deep as well as wide
    int n = nodes.size();
    int i = rng.nextInt(4) == 0 ? rng.nextInt(n) : Math.max(0, n - 1 - rng.nextInt(Math.min(n, 2)));
    return nodes.get(i);
  }

  /** A random node of the given rank, or null. */
  public Var pickRank(int rank, SplittableRandom rng) {
    List<Var> ok = nodes.stream().filter(v -> v.shape().rank() == rank).toList();
    return ok.isEmpty() ? null : ok.get(rng.nextInt(ok.size()));
  }

  /** Declares that the value of {@code v} must lie in {@code d} for the graph's point to count. */
  public void require(Var v, Domain d) {
    required.add(v);
    domains.add(d);
  }

  void add(String step, Var v) {
    nodes.add(v);
    steps.add(step);
  }

  List<String> steps() {
    return steps;
  }

  /** The first declared requirement the point violates, or null. */
  String violation() {
    for (int i = 0; i < required.size(); i++) {
      if (!domains.get(i).admits(required.get(i).value())) {
        return "a value leaves domain '" + domains.get(i).name() + "'";
      }
    }
    for (Var v : nodes) {
      if (!v.value().isFinite() || v.value().norm() > 1e4) {
        return "values grow too large";
      }
    }
    return null;
  }
}
