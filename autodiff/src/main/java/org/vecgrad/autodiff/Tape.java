package org.vecgrad.autodiff;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.vecgrad.tensor.Tensor;

/**
 * A Wengert list: the record of an expression as it is evaluated, from which every derivative is
 * derived.
 *
 * <p>Nodes are appended in execution order, so tape order is a topological order and every sweep is
 * a plain loop (no recursion: deep graphs cannot overflow the stack). From one record the tape
 * gives gradients and VJPs ({@link #grad}, {@link #vjp}, {@link #backward}), JVPs ({@link
 * #forward()}), and, by recording a reverse sweep ({@link Backward#createGraph()}), derivatives of
 * derivatives.
 *
 * <p>A tape is <b>single-threaded</b>: record and sweep from one thread at a time. Close it (it is
 * {@link AutoCloseable}) when done; using its Vars afterwards is an error.
 *
 * <pre>{@code
 * try (Tape tape = new Tape()) {
 *   Var x = tape.variable("x", Tensor.scalar(2));
 *   Var y = tape.variable("y", Tensor.scalar(3));
 *   Var f = x.square().mul(x.add(y));          // F = x²(x+y)
 *   Gradients g = tape.grad(f, x, y);          // ∂F/∂x = 24, ∂F/∂y = 4
 * }
 * }</pre>
 */
public final class Tape implements AutoCloseable {
  private final NodeList nodes = new NodeList();

  /** Indices of the variable leaves, ascending: sweeps ask for them without scanning the nodes. */
  private final IntArrayList variables = new IntArrayList();

  /** Leaves already made for detached values, reused when the same value is used again. */
  private final ConstantLeaves constantLeaves = new ConstantLeaves();

  private boolean recording = true;
  private boolean closed;
  private boolean watchNonFinite;
  private String scope;

  /** An empty, open, recording tape. */
  public Tape() {}

  // ------------------------------------------------------------------ leaves

  /** A leaf whose derivatives are wanted. */
  public Var variable(Tensor value) {
    return variable(null, value);
  }

  /** A named leaf whose derivatives are wanted. */
  public Var variable(String name, Tensor value) {
    return leaf(Node.Kind.VARIABLE, name, value);
  }

  /** A scalar variable (F64). */
  public Var variable(String name, double value) {
    return variable(name, Tensor.scalar(value));
  }

  /** A leaf held fixed: data, targets. It appears in pictures but is never differentiated. */
  public Var constant(Tensor value) {
    return constant(null, value);
  }

  /** A named constant leaf. */
  public Var constant(String name, Tensor value) {
    return leaf(Node.Kind.CONSTANT, name, value);
  }

  private Var leaf(Node.Kind kind, String name, Tensor value) {
    checkOpen("leaf");
    if (value == null) {
      throw new IllegalArgumentException("tape.variable/constant: value is null");
    }
    int index = nodes.size();
    Var v = new Var(this, index, value, kind == Node.Kind.VARIABLE, name);
    nodes.append(Node.leaf(v, scope));
    if (kind == Node.Kind.VARIABLE) {
      variables.add(index);
    }
    return v;
  }

  // ------------------------------------------------------------------ recording

  /**
   * Appends the application of {@code op} to any number of inputs; called by {@link Ops#apply}. The
   * tape keeps {@code in} (a fresh array), after replacing detached inputs by constant leaves.
   */
  Var record(Op op, Var[] in, Tensor value) {
    for (int i = 0; i < in.length; i++) {
      in[i] = onTape(in[i]);
    }
    int index = nodes.size();
    Var out = new Var(this, index, value, true, null);
    return append(Node.of(op, in, out, scope));
  }

  /** Appends the application of {@code op} to one input. */
  Var record(Op op, Var x, Tensor value) {
    Var in = onTape(x);
    int index = nodes.size();
    return append(Node.unary(op, in, new Var(this, index, value, true, null), scope));
  }

  /** Appends the application of {@code op} to two inputs. */
  Var record(Op op, Var a, Var b, Tensor value) {
    Var in0 = onTape(a);
    Var in1 = onTape(b);
    int index = nodes.size();
    return append(Node.binary(op, in0, in1, new Var(this, index, value, true, null), scope));
  }

  /**
   * A recorded input as it is; a detached one as a constant leaf, so the tape shows it: the leaf
   * made when the same value was last used in this scope, else a new one.
   */
  private Var onTape(Var v) {
    if (v.tape() != null) {
      return v;
    }
    Var leaf = constantLeaves.find(v, scope);
    if (leaf == null) {
      leaf = constant(v.name(), v.value());
      constantLeaves.remember(v, scope, leaf);
    }
    return leaf;
  }

  private Var append(Node node) {
    if (watchNonFinite && !node.value().isFinite()) {
      throw new NonFiniteException(node.index(), NonFinite.describe(node, "the forward pass"));
    }
    nodes.append(node);
    return node.output();
  }

  /** True while ops on this tape's Vars are recorded. */
  public boolean isRecording() {
    return recording && !closed;
  }

  /**
   * Stops recording until the returned handle is closed: results are computed eagerly and come back
   * detached (PyTorch's {@code no_grad}).
   *
   * <pre>{@code
   * try (Tape.Pause p = tape.pause()) { ... }
   * }</pre>
   */
  public Pause pause() {
    boolean before = recording;
    recording = false;
    return () -> recording = before;
  }

  /** A scope that restores recording when closed. */
  @FunctionalInterface
  public interface Pause extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Tags the nodes recorded until the returned handle is closed with a scope name (nested scopes
   * join with {@code /}), so that pictures can group a module or layer into one cluster.
   *
   * <pre>{@code
   * try (Tape.Pause s = tape.scope("layer1")) { h = relu(add(matmul(x, W1), b1)); }
   * }</pre>
   */
  public Pause scope(String name) {
    String before = scope;
    scope = before == null ? name : before + "/" + name;
    return () -> scope = before;
  }

  /** The current scope, or null. */
  public String currentScope() {
    return scope;
  }

  /** Sets recording on or off; returns the previous setting (used by the sweeps). */
  boolean setRecording(boolean on) {
    boolean before = recording;
    recording = on;
    return before;
  }

  /**
   * Watch mode: when on, the first node whose value (or, in a sweep, whose cotangent or tangent) is
   * NaN or infinite raises a {@link NonFiniteException} naming it.
   */
  public Tape watchNonFinite(boolean on) {
    this.watchNonFinite = on;
    return this;
  }

  /** True in watch mode. */
  public boolean isWatchingNonFinite() {
    return watchNonFinite;
  }

  // ------------------------------------------------------------------ reading

  /** Number of nodes. */
  public int size() {
    return nodes.size();
  }

  /** Node {@code index}. */
  public Node node(int index) {
    if (index < 0 || index >= nodes.size()) {
      throw new IllegalArgumentException(
          "tape.node: index " + index + " out of range (tape has " + nodes.size() + " nodes)");
    }
    return nodes.get(index);
  }

  /** The variable leaves in tape order. */
  Var[] variables() {
    Var[] out = new Var[variables.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = nodes.get(variables.getInt(i)).output();
    }
    return out;
  }

  /** The number of variable leaves at positions up to {@code top}. */
  int variablesUpTo(int top) {
    int at = Arrays.binarySearch(variables.elements(), 0, variables.size(), top);
    return at >= 0 ? at + 1 : -at - 1;
  }

  /** The nodes in tape order (read-only view). */
  public List<Node> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  // ------------------------------------------------------------------ sweeps

  /**
   * The gradient of a scalar {@code y} with respect to {@code wrt} (all variables when empty).
   *
   * @throws IllegalArgumentException if y is not a one-element value
   */
  public Gradients grad(Var y, Var... wrt) {
    return backward(y).wrt(wrt).run();
  }

  /** The VJP {@code (∂y/∂x)ᵀ·gOut} for each x in {@code wrt} (all variables when empty). */
  public Gradients vjp(Var y, Tensor gOut, Var... wrt) {
    return backward(y).seed(gOut).wrt(wrt).run();
  }

  /** A reverse sweep from {@code y}, configured by the returned builder. */
  public Backward backward(Var y) {
    checkMine("backward", y);
    return new Backward(this, y);
  }

  /** A forward (tangent) sweep, configured by the returned builder. */
  public Forward forward() {
    checkOpen("forward");
    return new Forward(this);
  }

  // ------------------------------------------------------------------ lifecycle

  /** True once closed. */
  public boolean isClosed() {
    return closed;
  }

  /** Closes the tape and drops its nodes; its Vars can no longer be used in recorded ops. */
  @Override
  public void close() {
    closed = true;
    nodes.drop();
    variables.clear();
  }

  void checkOpen(String op) {
    if (closed) {
      throw new IllegalStateException(
          op
              + ": the tape is closed; record the expression again on an open tape"
              + " (try (Tape tape = new Tape()) { ... })");
    }
  }

  void checkMine(String op, Var v) {
    checkOpen(op);
    if (v == null) {
      throw new IllegalArgumentException(op + ": Var is null");
    }
    if (v.tape() != this) {
      throw new IllegalArgumentException(
          op
              + ": "
              + v
              + (v.tape() == null ? " is detached" : " belongs to another tape")
              + "; differentiate on the tape that recorded it");
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tape(" + nodes.size() + " nodes)");
    for (Node n : nodes) {
      sb.append("\n  ").append(n);
    }
    return sb.toString();
  }
}
