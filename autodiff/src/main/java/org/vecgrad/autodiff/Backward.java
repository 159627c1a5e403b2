package org.vecgrad.autodiff;

import java.util.Arrays;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A reverse sweep (backpropagation) over a tape, from one output {@code y}.
 *
 * <p>Walking the tape backwards, each op's VJP rule turns its output cotangent into input
 * cotangents, which are summed where a value is used more than once. Only nodes on a path from a
 * requested input to {@code y} are visited, and rules are told which inputs need a cotangent.
 *
 * <pre>{@code
 * Gradients g = tape.backward(loss).wrt(W, b).run();
 * Gradients g2 = tape.backward(y).seed(gOut).createGraph().run();   // differentiable result
 * }</pre>
 */
public final class Backward {
  private final Tape tape;
  private final Var y;
  private Var seed;
  private Var[] wrt = new Var[0];
  private boolean createGraph;
  private boolean keepAll;
  private final boolean[][] wantedByArity = new boolean[4][];

  /**
   * The {@code wanted} flags of a one-input node, for {@link Op#unaryVjp}'s default: shared, since
   * rules only read their flags (as {@link #wantedArray} assumes too).
   */
  static final boolean[] ONE_WANTED = {true};

  Backward(Tape tape, Var y) {
    this.tape = tape;
    this.y = y;
  }

  /** The output cotangent ȳ (default: 1 for a scalar output). */
  public Backward seed(Tensor gOut) {
    return seed(Var.constant(gOut));
  }

  /** The output cotangent as a Var, which may itself be recorded (for double-VJP tricks). */
  public Backward seed(Var gOut) {
    if (!gOut.shape().equals(y.shape())) {
      throw new IllegalArgumentException(
          "backward: seed of shape "
              + gOut.shape()
              + " does not match output "
              + y.node().describe()
              + " of shape "
              + y.shape());
    }
    if (gOut.dtype() != y.dtype()) {
      throw new IllegalArgumentException(
          "backward: seed dtype " + gOut.dtype() + " differs from output dtype " + y.dtype());
    }
    this.seed = gOut;
    return this;
  }

  /** The inputs to differentiate with respect to (default: every variable). */
  public Backward wrt(Var... inputs) {
    for (Var v : inputs) {
      tape.checkMine("backward.wrt", v);
    }
    this.wrt = inputs.clone();
    return this;
  }

  /**
   * Records the sweep itself on the tape, so the returned cotangents are Vars that can be
   * differentiated again (gradients of gradients, exact Hessian-vector products).
   */
  public Backward createGraph() {
    this.createGraph = true;
    return this;
  }

  /** Keeps the cotangent of every visited node, for pictures ({@link Gradients#adjoint}). */
  public Backward keepAll() {
    this.keepAll = true;
    return this;
  }

  /** Runs the sweep. */
  public Gradients run() {
    tape.checkMine("backward", y);
    Var[] targets = wrt.length > 0 ? wrt : tape.variables();
    Var g = seed != null ? seed : defaultSeed();
    int top = y.index();
    Relevance relevance = Relevance.of(tape, targets, top);
    Var[] adj = new Var[top + 1];
    CotangentSums sums = createGraph ? null : new CotangentSums(top + 1);
    if (createGraph && g.tape() == null) {
      g = tape.constant("ȳ", g.value());
    }
    adj[top] = g;
    boolean before = tape.setRecording(createGraph);
    try {
      for (int i = top; i >= 0; i--) {
        Var gi = adj[i];
        if (gi == null) {
          continue;
        }
        Node node = tape.node(i);
        if (node.isLeaf() || !relevance.needsOp(i)) {
          continue;
        }
        propagate(node, gi, relevance, adj, sums);
        if (!keepAll && !relevance.isTarget(i)) {
          adj[i] = null;
        }
      }
    } finally {
      tape.setRecording(before);
    }
    return new Gradients(targets, adj, keepAll);
  }

  /**
   * Applies node's VJP rule to its adjoint {@code gi} and adds the input cotangents to their
   * adjoints: with {@link Ops#add} when the sweep is recorded ({@code sums} null), else in arrays
   * of the sweep's own ({@link CotangentSums}). A one-input node goes through {@link Op#unaryVjp},
   * which makes no arrays.
   */
  private void propagate(Node node, Var gi, Relevance relevance, Var[] adj, CotangentSums sums) {
    int n = node.arity();
    if (n == 1) {
      Var in = node.input(0);
      if (wanted(in, relevance)) {
        accumulate(node, 0, node.op().unaryVjp(node, gi), adj, sums);
      }
      return;
    }
    boolean[] wanted = wantedArray(n);
    boolean any = false;
    for (int j = 0; j < n; j++) {
      wanted[j] = wanted(node.input(j), relevance);
      any |= wanted[j];
    }
    if (!any) {
      return;
    }
    Var[] gin = node.op().vjp(node, gi, wanted);
    for (int j = 0; j < n; j++) {
      if (wanted[j]) {
        accumulate(node, j, gin[j], adj, sums);
      }
    }
  }

  /** Whether the sweep needs a cotangent for {@code in}: a tracked value of this tape, relevant. */
  private boolean wanted(Var in, Relevance relevance) {
    return in.tape() == tape && in.isTracked() && relevance.needs(in);
  }

  /**
   * Adds {@code g}, the cotangent a rule returned for input {@code j} of {@code node} (null: zero),
   * to that input's adjoint, after checking its shape; in watch mode both g and the sum must be
   * finite (finite cotangents can overflow when added).
   */
  private void accumulate(Node node, int j, Var g, Var[] adj, CotangentSums sums) {
    if (g == null) {
      return;
    }
    Var in = node.input(j);
    Shape expected = in.shape();
    if (!g.shape().equals(expected)) {
      throw new IllegalStateException(
          node.op().name()
              + ": VJP rule returned a cotangent of shape "
              + g.shape()
              + " for input "
              + j
              + " of shape "
              + expected
              + " (node "
              + node.describe()
              + ")");
    }
    if (tape.isWatchingNonFinite() && !g.value().isFinite()) {
      throw new NonFiniteException(
          node.index(),
          NonFinite.describe(node, "the reverse sweep (cotangent of input " + j + ")"));
    }
    int k = in.index();
    if (adj[k] == null) {
      adj[k] = g;
      return;
    }
    adj[k] = sums != null ? sums.add(k, adj[k], g) : Ops.add(adj[k], g);
    if (tape.isWatchingNonFinite() && !adj[k].value().isFinite()) {
      throw new NonFiniteException(
          node.index(),
          NonFinite.describe(
              node, "the reverse sweep (the sum of the cotangents reaching input " + j + ")"));
    }
  }

  /**
   * The {@code wanted} flags handed to a VJP rule. Rules only read them during the call, so the
   * sweep reuses one array per arity instead of allocating one per node.
   */
  private boolean[] wantedArray(int n) {
    if (n >= wantedByArity.length) {
      return new boolean[n];
    }
    if (wantedByArity[n] == null) {
      wantedByArity[n] = new boolean[n];
    }
    return wantedByArity[n];
  }

  private Var defaultSeed() {
    if (y.shape().size() != 1) {
      throw new IllegalArgumentException(
          "grad: output "
              + y.node().describe()
              + " has shape "
              + y.shape()
              + ", not a single value; reduce it to a scalar (Ops.sum) or give a seed"
              + " (tape.vjp(y, gOut, ...))");
    }
    return Var.constant(Tensor.ones(y.shape(), y.dtype()));
  }

  @Override
  public String toString() {
    return "Backward(from " + y.node().describe() + ", wrt " + Arrays.toString(wrt) + ")";
  }
}
