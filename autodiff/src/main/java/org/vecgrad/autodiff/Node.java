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

  // A long tape keeps every node alive until it is closed, and the garbage collector copies what
  // survives, so a node stores only what cannot be derived: its index is the output's, a leaf's
  // kind is whether its output is tracked, and the arity is the number of inputs present. Inputs 0
  // and 1 live in fields, longer input lists in an array: almost every node has one or two.
  private final Op op;
  private final Var in0;
  private final Var in1;
  private final Var[] more;
  private final Var output;
  private final String scope;

  private Node(Op op, Var in0, Var in1, Var[] more, Var output, String scope) {
    this.op = op;
    this.in0 = in0;
    this.in1 = in1;
    this.more = more;
    this.output = output;
    this.scope = scope;
  }

  /** A leaf: a variable if {@code output} is tracked, else a constant. */
  static Node leaf(Var output, String scope) {
    return new Node(null, null, null, null, output, scope);
  }

  /** An application of {@code op} to {@code x}. */
  static Node unary(Op op, Var x, Var output, String scope) {
    return new Node(op, x, null, null, output, scope);
  }

  /** An application of {@code op} to {@code a} and {@code b}. */
  static Node binary(Op op, Var a, Var b, Var output, String scope) {
    return new Node(op, a, b, null, output, scope);
  }

  /** An application of {@code op} to any number of inputs; the node keeps the array. */
  static Node of(Op op, Var[] inputs, Var output, String scope) {
    switch (inputs.length) {
      case 1:
        return unary(op, inputs[0], output, scope);
      case 2:
        return binary(op, inputs[0], inputs[1], output, scope);
      default:
        return new Node(op, null, null, inputs, output, scope);
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
    return output.index();
  }

  /** Leaf or op. */
  public Kind kind() {
    return op != null ? Kind.OP : output.isTracked() ? Kind.VARIABLE : Kind.CONSTANT;
  }

  /** True for variables and constants. */
  public boolean isLeaf() {
    return op == null;
  }

  /** The op, or null for a leaf. */
  public Op op() {
    return op;
  }

  /** Number of inputs (0 for a leaf). */
  public int arity() {
    return more != null ? more.length : in1 != null ? 2 : in0 != null ? 1 : 0;
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
    if (i == 0 && in0 != null) {
      return in0;
    }
    if (i == 1 && in1 != null) {
      return in1;
    }
    throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + arity());
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
    return in0 == null ? new Var[0] : in1 == null ? new Var[] {in0} : new Var[] {in0, in1};
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
    String what = op != null ? op.label() : kind().name().toLowerCase(java.util.Locale.ROOT);
    String n = name() != null ? " '" + name() + "'" : "";
    return "#" + index() + " " + what + n + " " + output.shape();
  }

  @Override
  public String toString() {
    int[] in = Arrays.stream(inputs()).mapToInt(Var::index).toArray();
    return describe() + (arity() > 0 ? " <- " + Arrays.toString(in) : "");
  }
}
