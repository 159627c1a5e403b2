package org.vecgrad.autodiff;

import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A primitive operation: the one place where its forward computation and both of its derivative
 * rules are written.
 *
 * <p>For {@code y = f(x₁, …, xₙ)} recorded at a point:
 *
 * <ul>
 *   <li>the <b>JVP</b> (forward mode) maps input tangents {@code ẋᵢ} to the output tangent {@code ẏ
 *       = Σᵢ ∂f/∂xᵢ · ẋᵢ};
 *   <li>the <b>VJP</b> (reverse mode) maps the output cotangent {@code ȳ} to input cotangents
 *       {@code x̄ᵢ = (∂f/∂xᵢ)ᵀ · ȳ}.
 * </ul>
 *
 * Both rules are written with {@link Ops} on {@link Var}s, so that a sweep can itself be recorded
 * and differentiated again (Hessian-vector products). Writing both is deliberate: the identity
 * {@code ⟨ȳ, J ẋ⟩ = ⟨Jᵀ ȳ, ẋ⟩} checks one rule against the other for every op.
 *
 * <p>An op instance carries its parameters (an axis, a constant, transpose flags) and is immutable.
 * Implementations are small final classes in {@code org.vecgrad.autodiff.op}; users may write their
 * own and apply them with {@link Ops#apply(Op, Var...)}.
 */
public interface Op {
  /** Short name used in pictures, errors and reports, e.g. {@code "matmul"}. */
  String name();

  /**
   * The shape rule, checked before any kernel runs.
   *
   * @throws IllegalArgumentException naming the op, the shapes and the rule broken
   */
  Shape shape(Shape... inputs);

  /** The result dtype; by default that of the first input (inputs share one dtype). */
  default DType dtype(DType... inputs) {
    return inputs.length == 0 ? DType.F64 : inputs[0];
  }

  /** True if the op accepts inputs of different dtypes (only casts do). */
  default boolean mixesDtypes() {
    return false;
  }

  /** Computes the output value from the input values (shapes already checked). */
  Tensor forward(Tensor... inputs);

  /**
   * {@link #shape(Shape...)} for one input. {@link Ops} calls this form on the hot path so that an
   * application allocates no {@code Shape[]}; an op overrides it only where the array costs more
   * than the rule (scalar chains are bound by such overheads). It must agree with the varargs form.
   */
  default Shape unaryShape(Shape x) {
    return shape(new Shape[] {x});
  }

  /** {@link #shape(Shape...)} for two inputs, without the array (see {@link #unaryShape}). */
  default Shape binaryShape(Shape a, Shape b) {
    return shape(new Shape[] {a, b});
  }

  /** {@link #forward(Tensor...)} for one input, without the array (see {@link #unaryShape}). */
  default Tensor unaryForward(Tensor x) {
    return forward(new Tensor[] {x});
  }

  /** {@link #forward(Tensor...)} for two inputs, without the array (see {@link #unaryShape}). */
  default Tensor binaryForward(Tensor a, Tensor b) {
    return forward(new Tensor[] {a, b});
  }

  /**
   * The JVP rule: the output tangent for the given input tangents.
   *
   * @param node the recorded application, giving access to inputs and output
   * @param tangents one per input; {@code null} stands for a zero tangent, and at least one is
   *     non-null
   */
  Var jvp(Node node, Var[] tangents);

  /**
   * The VJP rule: input cotangents for an output cotangent.
   *
   * @param node the recorded application
   * @param gOut the output cotangent, shaped as the output
   * @param wanted which inputs need a cotangent; entries not wanted may be left {@code null}
   * @return one cotangent per input, shaped as that input; {@code null} means zero
   */
  Var[] vjp(Node node, Var gOut, boolean[] wanted);

  /**
   * {@link #vjp} for a one-input node, whose input is wanted: the cotangent itself, without the
   * arrays (see {@link #unaryShape}). The reverse sweep calls this form for every one-input node;
   * an op overrides it where the array costs more than the rule, and then defines {@link #vjp}
   * through it so that the rule is written once ({@link ElementwiseOp} does).
   */
  default Var unaryVjp(Node node, Var gOut) {
    return vjp(node, gOut, Backward.ONE_WANTED)[0];
  }

  /**
   * The local backward rule as a short formula for pictures, e.g. {@code "ȳ·y(1−y)"} (optional).
   */
  default String rule() {
    return "";
  }

  /** A label with the op's parameters for pictures, e.g. {@code "sum(axis=1)"}. */
  default String label() {
    return name();
  }
}
