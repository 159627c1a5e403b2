package org.vecgrad.viz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Tensor;

/**
 * The graph of a recorded expression as a picture sees it: nodes (parameters, inputs, constants,
 * ops, the output) with names, labels, shapes, values and adjoints, and data-flow edges.
 *
 * <p>The model is a snapshot: it copies what it needs from the tape, so it stays valid after the
 * tape is closed. Nodes are kept in tape order and identified by their tape index.
 *
 * <pre>{@code
 * Gradients g = tape.backward(loss).keepAll().run();   // keepAll: every node's adjoint
 * GraphModel model = GraphModel.of(tape, loss, g);
 * }</pre>
 */
public final class GraphModel {
  private final Map<Integer, VizNode> nodes;
  private final List<VizEdge> edges;
  private final int output;
  private final boolean hasAdjoints;

  private GraphModel(
      Map<Integer, VizNode> nodes, List<VizEdge> edges, int output, boolean hasAdjoints) {
    this.nodes = nodes;
    this.edges = edges;
    this.output = output;
    this.hasAdjoints = hasAdjoints;
  }

  /** Every node of the tape; the last node is taken as the output. */
  public static GraphModel of(Tape tape) {
    if (tape.size() == 0) {
      throw new IllegalArgumentException(
          "GraphModel.of: the tape is empty; record something first");
    }
    return build(tape, tape.size() - 1, false, null);
  }

  /** The nodes {@code output} depends on, without adjoints. */
  public static GraphModel of(Tape tape, Var output) {
    return of(tape, output, null);
  }

  /**
   * The nodes {@code output} depends on, with the adjoints of a reverse sweep from {@code output}.
   *
   * @param adjoints the result of {@code tape.backward(output).keepAll().run()}, or null for none
   * @throws IllegalArgumentException if output is not recorded on this tape
   */
  public static GraphModel of(Tape tape, Var output, Gradients adjoints) {
    if (output == null || output.tape() != tape) {
      throw new IllegalArgumentException(
          "GraphModel.of: output " + output + " is not recorded on this tape");
    }
    return build(tape, output.index(), true, adjoints);
  }

  private static GraphModel build(Tape tape, int out, boolean onlyAncestors, Gradients g) {
    boolean[] keep = onlyAncestors ? ancestors(tape, out) : all(tape.size());
    Map<Integer, VizNode> nodes = new LinkedHashMap<>();
    List<VizEdge> edges = new ArrayList<>();
    for (int i = 0; i < keep.length; i++) {
      if (!keep[i]) {
        continue;
      }
      Node n = tape.node(i);
      Tensor adjoint = g == null ? null : g.adjoint(n.output());
      nodes.put(
          i,
          new VizNode(
              i,
              role(n, i == out),
              n.name(),
              n.op() != null ? n.op().label() : n.kind().name().toLowerCase(java.util.Locale.ROOT),
              n.output().shape(),
              n.scope(),
              n.value(),
              adjoint));
      String[] rules = rules(n);
      Var[] sent = adjoint == null ? null : contributions(tape, n, adjoint, keep, g);
      for (int j = 0; j < n.arity(); j++) {
        Var in = n.input(j);
        if (in.tape() == tape && keep[in.index()]) {
          Tensor c = sent == null || sent[j] == null ? null : sent[j].value();
          edges.add(new VizEdge(in.index(), i, j, rules[j], c));
        }
      }
    }
    return new GraphModel(Collections.unmodifiableMap(nodes), List.copyOf(edges), out, g != null);
  }

  /**
   * Replays the op's VJP rule on its final adjoint (recording paused), giving the term each input
   * received from this node: the numbers that the reverse sweep summed into the inputs' adjoints.
   */
  private static Var[] contributions(
      Tape tape, Node n, Tensor adjoint, boolean[] keep, Gradients g) {
    if (n.isLeaf()) {
      return null;
    }
    boolean[] wanted = new boolean[n.arity()];
    boolean any = false;
    for (int j = 0; j < wanted.length; j++) {
      Var in = n.input(j);
      wanted[j] = in.tape() == tape && in.isTracked() && keep[in.index()] && g.adjoint(in) != null;
      any |= wanted[j];
    }
    if (!any) {
      return null;
    }
    try (Tape.Pause p = tape.pause()) {
      return n.op().vjp(n, Var.constant(adjoint), wanted);
    }
  }

  /** Marks {@code out} and everything it reads from, walking the tape backwards once. */
  private static boolean[] ancestors(Tape tape, int out) {
    boolean[] keep = new boolean[out + 1];
    keep[out] = true;
    for (int i = out; i >= 0; i--) {
      if (!keep[i]) {
        continue;
      }
      Node n = tape.node(i);
      for (int j = 0; j < n.arity(); j++) {
        Var in = n.input(j);
        if (in.tape() == tape) {
          keep[in.index()] = true;
        }
      }
    }
    return keep;
  }

  private static boolean[] all(int n) {
    boolean[] keep = new boolean[n];
    java.util.Arrays.fill(keep, true);
    return keep;
  }

  private static NodeRole role(Node n, boolean isOutput) {
    if (isOutput) {
      return NodeRole.OUTPUT;
    }
    return switch (n.kind()) {
      case VARIABLE -> NodeRole.PARAMETER;
      case CONSTANT -> n.name() != null ? NodeRole.INPUT : NodeRole.CONSTANT;
      case OP -> NodeRole.OP;
    };
  }

  /**
   * The local rule per input. An op with several inputs writes its rules comma-separated in input
   * order ({@code "ȳ·b, ȳ·a"}); a single rule ({@code "ȳ"}) serves every input.
   */
  private static String[] rules(Node n) {
    String[] out = new String[n.arity()];
    String rule = n.op() == null ? "" : n.op().rule();
    String[] parts = rule.split(",\\s*");
    for (int j = 0; j < out.length; j++) {
      out[j] = parts.length == out.length ? parts[j] : rule;
    }
    return out;
  }

  // ------------------------------------------------------------------ reading

  /** The nodes in tape order. */
  public List<VizNode> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The data-flow edges, ordered by consumer then input slot. */
  public List<VizEdge> edges() {
    return edges;
  }

  /**
   * The node with tape index {@code index}.
   *
   * @throws IllegalArgumentException if the model has no such node
   */
  public VizNode node(int index) {
    VizNode n = nodes.get(index);
    if (n == null) {
      throw new IllegalArgumentException(
          "GraphModel.node: no node #" + index + " in the picture (nodes " + nodes.keySet() + ")");
    }
    return n;
  }

  /** True if the model holds node {@code index}. */
  public boolean contains(int index) {
    return nodes.containsKey(index);
  }

  /** The tape index of the output. */
  public int output() {
    return output;
  }

  /** True if the model was built with the adjoints of a reverse sweep. */
  public boolean hasAdjoints() {
    return hasAdjoints;
  }

  /** The edges leaving node {@code index} (to the ops that read it). */
  public List<VizEdge> consumers(int index) {
    return edges.stream().filter(e -> e.from() == index).toList();
  }

  /** The edges entering node {@code index} (from its inputs). */
  public List<VizEdge> inputs(int index) {
    return edges.stream().filter(e -> e.to() == index).toList();
  }

  /**
   * The same picture showing only the adjoints of the nodes {@code show} accepts, and only the
   * contributions sent back by those nodes: the others are hidden, as before a reverse sweep
   * reaches them.
   */
  public GraphModel withAdjointsWhere(IntPredicate show) {
    Map<Integer, VizNode> copy = new LinkedHashMap<>();
    for (VizNode n : nodes.values()) {
      copy.put(n.index(), show.test(n.index()) ? n : n.withAdjoint(null));
    }
    List<VizEdge> shown =
        edges.stream()
            .map(
                e ->
                    show.test(e.to()) ? e : new VizEdge(e.from(), e.to(), e.slot(), e.rule(), null))
            .toList();
    return new GraphModel(Collections.unmodifiableMap(copy), shown, output, hasAdjoints);
  }

  /**
   * A data-flow path from node {@code from} to node {@code to} (both included), for {@link
   * VizOptions.Builder#highlight}; the path with the fewest edges, found breadth-first.
   *
   * @throws IllegalArgumentException if either node is missing or {@code to} does not depend on
   *     {@code from}
   */
  public List<Integer> path(int from, int to) {
    node(from);
    node(to);
    Map<Integer, Integer> previous = new LinkedHashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    previous.put(from, from);
    queue.add(from);
    while (!queue.isEmpty() && !previous.containsKey(to)) {
      int at = queue.poll();
      for (VizEdge e : consumers(at)) {
        if (previous.putIfAbsent(e.to(), at) == null) {
          queue.add(e.to());
        }
      }
    }
    if (!previous.containsKey(to)) {
      throw new IllegalArgumentException(
          "GraphModel.path: node #" + to + " does not depend on node #" + from);
    }
    List<Integer> path = new ArrayList<>();
    for (int at = to; at != from; at = previous.get(at)) {
      path.add(at);
    }
    path.add(from);
    Collections.reverse(path);
    return path;
  }
}
