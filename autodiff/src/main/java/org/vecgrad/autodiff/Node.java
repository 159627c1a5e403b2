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

  private final int index;
  private final Kind kind;
  private final Op op;
  private final int arity;
  // Inputs 0 and 1 live in fields and only longer input lists in an array: almost every node has
  // one or two inputs, and the reverse sweep reads them for every node it visits.
  private final Var in0;
  private final Var in1;
  private final Var[] more;
  private final Var output;
  private final String scope;

  private Node(
      int index,
      Kind kind,
      Op op,
      int arity,
      Var in0,
      Var in1,
      Var[] more,
      Var output,
      String scope) {
    this.index = index;
    this.kind = kind;
    this.op = op;
    this.arity = arity;
    this.in0 = in0;
    this.in1 = in1;
    this.more = more;
    this.output = output;
    this.scope = scope;
  }

  /** A leaf. */
  static Node leaf(int index, Kind kind, Var output, String scope) {
    return new Node(index, kind, null, 0, null, null, null, output, scope);
  }

  /** An application of {@code op} to {@code x}. */
  static Node unary(int index, Op op, Var x, Var output, String scope) {
    return new Node(index, Kind.OP, op, 1, x, null, null, output, scope);
  }

  /** An application of {@code op} to {@code a} and {@code b}. */
  static Node binary(int index, Op op, Var a, Var b, Var output, String scope) {
    return new Node(index, Kind.OP, op, 2, a, b, null, output, scope);
  }

  /** An application of {@code op} to any number of inputs; the node keeps the array. */
  static Node of(int index, Op op, Var[] inputs, Var output, String scope) {
    switch (inputs.length) {
      case 1:
        return unary(index, op, inputs[0], output, scope);
      case 2:
        return binary(index, op, inputs[0], inputs[1], output, scope);
      default:
        return new Node(index, Kind.OP, op, inputs.length, null, null, inputs, output, scope);
    }
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
    return arity;
  }

  /**
   * Input {@code i} as recorded.
   *
   * @throws ArrayIndexOutOfBoundsException unless {@code 0 <= i < arity()}
   */
  public Var input(int i) {
    if (more != null) {
      return more[i];
    }
    if (i < 0 || i >= arity) {
      throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + arity);
    }
    return i == 0 ? in0 : in1;
  }

  /** The value of input {@code i}. */
  public Tensor inputValue(int i) {
    return input(i).value();
  }

  /** A copy of the inputs. */
  public Var[] inputs() {
    if (more != null) {
      return more.clone();
    }
    return arity == 0 ? new Var[0] : arity == 1 ? new Var[] {in0} : new Var[] {in0, in1};
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
    int[] in = Arrays.stream(inputs()).mapToInt(Var::index).toArray();
    return describe() + (arity > 0 ? " <- " + Arrays.toString(in) : "");
  }
}
