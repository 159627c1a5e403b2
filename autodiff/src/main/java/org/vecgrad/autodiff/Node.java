package org.vecgrad.autodiff;

import java.util.Arrays;
import org.vecgrad.tensor.Tensor;

/**
 * One entry of a {@link Tape}: a leaf (variable or constant) or the application of an {@link Op} to
 * earlier nodes. Its {@link #index()} is its position on the tape, a stable id used in pictures,
 * errors and tests.
 */
public final class Node {
  /** What a node is. */
  public enum Kind {
    /** A leaf whose derivative is wanted (a parameter or an input being differentiated). */
    VARIABLE,
    /** A leaf held fixed (data, targets, a seed). */
    CONSTANT,
    /** The result of an op. */
    OP
  }

  /** The inputs of every leaf (shared: never written, and {@link #inputs()} hands out copies). */
  static final Var[] NO_INPUTS = new Var[0];

  private final int index;
  private final Kind kind;
  private final Op op;
  private final Var[] inputs;
  private final Var output;
  private final String scope;

  Node(int index, Kind kind, Op op, Var[] inputs, Var output, String scope) {
    this.index = index;
    this.kind = kind;
    this.op = op;
    this.inputs = inputs;
    this.output = output;
    this.scope = scope;
  }

  /**
   * The scope the node was recorded in ({@link Tape#scope(String)}), such as {@code "layer1"} or
   * {@code "mlp/layer2"}, or null outside any scope. Pictures draw a scope as a cluster.
   */
  public String scope() {
    return scope;
  }

  /** Position on the tape. */
  public int index() {
    return index;
  }

  /** Leaf or op. */
  public Kind kind() {
    return kind;
  }

  /** True for variables and constants. */
  public boolean isLeaf() {
    return kind != Kind.OP;
  }

  /** The op, or null for a leaf. */
  public Op op() {
    return op;
  }

  /** Number of inputs (0 for a leaf). */
  public int arity() {
    return inputs.length;
  }

  /** Input {@code i} as recorded. */
  public Var input(int i) {
    return inputs[i];
  }

  /** The value of input {@code i}. */
  public Tensor inputValue(int i) {
    return inputs[i].value();
  }

  /** A copy of the inputs. */
  public Var[] inputs() {
    return inputs.clone();
  }

  /** The output handle. */
  public Var output() {
    return output;
  }

  /** The output value. */
  public Tensor value() {
    return output.value();
  }

  /** The name given to the output, or null. */
  public String name() {
    return output.name();
  }

  /** Text such as {@code #7 sigmoid [3, 4]} or {@code #0 variable 'x' []}. */
  public String describe() {
    String what = op != null ? op.label() : kind.name().toLowerCase(java.util.Locale.ROOT);
    String n = name() != null ? " '" + name() + "'" : "";
    return "#" + index + " " + what + n + " " + output.shape();
  }

  @Override
  public String toString() {
    int[] in = Arrays.stream(inputs).mapToInt(Var::index).toArray();
    return describe() + (inputs.length > 0 ? " <- " + Arrays.toString(in) : "");
  }
}
