package org.vecgrad.autodiff;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import org.vecgrad.tensor.Tensor;

/**
 * A forward (tangent) sweep over a tape: Jacobian-vector products over the recorded values, with no
 * re-evaluation of the function.
 *
 * <p>Walking the tape forwards from the seeded nodes, each op's JVP rule turns input tangents into
 * its output tangent, using the primal values recorded on the tape.
 *
 * <pre>{@code
 * Tangents t = tape.forward().tangent(x, dx).run();
 * Tensor jv = t.of(y);      // J·dx
 * }</pre>
 */
public final class Forward {
  private final Tape tape;
  private final Int2ObjectOpenHashMap<Var> seeds = new Int2ObjectOpenHashMap<>();
  private boolean createGraph;
  private int end = -1;

  Forward(Tape tape) {
    this.tape = tape;
  }

  /** Seeds the tangent of {@code x} (a node of this tape) with {@code dx}. */
  public Forward tangent(Var x, Tensor dx) {
    return tangent(x, Var.constant(dx));
  }

  /**
   * Seeds the tangent of {@code x} with a Var (which may be recorded, for forward-over-reverse).
   */
  public Forward tangent(Var x, Var dx) {
    tape.checkMine("forward.tangent", x);
    if (!dx.shape().equals(x.shape()) || dx.dtype() != x.dtype()) {
      throw new IllegalArgumentException(
          "forward.tangent: tangent "
              + dx.shape()
              + " "
              + dx.dtype()
              + " does not match "
              + x.node().describe()
              + " "
              + x.dtype());
    }
    seeds.put(x.index(), dx);
    return this;
  }

  /**
   * Stops the sweep once these nodes have their tangents, instead of running to the end of the
   * tape: nodes recorded later (a gradient graph, another model) cost nothing. Tangents of later
   * nodes then read as zero.
   */
  public Forward until(Var... outputs) {
    for (Var y : outputs) {
      tape.checkMine("forward.until", y);
      end = Math.max(end, y.index());
    }
    return this;
  }

  /** Records the sweep on the tape, so tangents can be differentiated (forward-over-reverse). */
  public Forward createGraph() {
    this.createGraph = true;
    return this;
  }

  /** Runs the sweep over the whole tape. */
  public Tangents run() {
    tape.checkOpen("forward");
    int n = tape.size();
    int last = end >= 0 ? end : n - 1;
    Var[] tan = new Var[n];
    int from = n;
    for (var e : seeds.int2ObjectEntrySet()) {
      tan[e.getIntKey()] = e.getValue();
      from = Math.min(from, e.getIntKey());
    }
    boolean before = tape.setRecording(createGraph);
    try {
      for (int i = from; i <= last; i++) {
        Node node = tape.node(i);
        if (node.isLeaf()) {
          continue;
        }
        Var[] tin = new Var[node.arity()];
        boolean any = false;
        for (int j = 0; j < tin.length; j++) {
          Var in = node.input(j);
          tin[j] = in.tape() == tape ? tan[in.index()] : null;
          any |= tin[j] != null;
        }
        if (any) {
          tan[i] = jvp(node, tin);
        }
      }
    } finally {
      tape.setRecording(before);
    }
    return new Tangents(tape, tan);
  }

  private Var jvp(Node node, Var[] tin) {
    Var t = node.op().jvp(node, tin);
    if (t == null) {
      return null;
    }
    if (!t.shape().equals(node.output().shape())) {
      throw new IllegalStateException(
          node.op().name()
              + ": JVP rule returned a tangent of shape "
              + t.shape()
              + " for output "
              + node.describe());
    }
    if (tape.isWatchingNonFinite() && !t.value().isFinite()) {
      throw new NonFiniteException(node.index(), NonFinite.describe(node, "the forward sweep"));
    }
    return t;
  }
}
