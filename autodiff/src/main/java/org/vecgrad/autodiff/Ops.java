package org.vecgrad.autodiff;

import org.vecgrad.autodiff.op.Abs;
import org.vecgrad.autodiff.op.Add;
import org.vecgrad.autodiff.op.Affine;
import org.vecgrad.autodiff.op.ArgmaxMask;
import org.vecgrad.autodiff.op.BroadcastTo;
import org.vecgrad.autodiff.op.Cast;
import org.vecgrad.autodiff.op.Concat;
import org.vecgrad.autodiff.op.Div;
import org.vecgrad.autodiff.op.Embed;
import org.vecgrad.autodiff.op.Exp;
import org.vecgrad.autodiff.op.IndexAdd;
import org.vecgrad.autodiff.op.IndexSelect;
import org.vecgrad.autodiff.op.Log;
import org.vecgrad.autodiff.op.LogSumExp;
import org.vecgrad.autodiff.op.MatMul;
import org.vecgrad.autodiff.op.MaxAxis;
import org.vecgrad.autodiff.op.Mul;
import org.vecgrad.autodiff.op.Neg;
import org.vecgrad.autodiff.op.Pow;
import org.vecgrad.autodiff.op.Relu;
import org.vecgrad.autodiff.op.ReluBackward;
import org.vecgrad.autodiff.op.Reshape;
import org.vecgrad.autodiff.op.Scale;
import org.vecgrad.autodiff.op.Sigmoid;
import org.vecgrad.autodiff.op.SigmoidBackward;
import org.vecgrad.autodiff.op.Sign;
import org.vecgrad.autodiff.op.Slice;
import org.vecgrad.autodiff.op.SoftmaxCrossEntropy;
import org.vecgrad.autodiff.op.Softplus;
import org.vecgrad.autodiff.op.Sqrt;
import org.vecgrad.autodiff.op.Square;
import org.vecgrad.autodiff.op.Step;
import org.vecgrad.autodiff.op.Sub;
import org.vecgrad.autodiff.op.Sum;
import org.vecgrad.autodiff.op.SumAxis;
import org.vecgrad.autodiff.op.SumTo;
import org.vecgrad.autodiff.op.Tanh;
import org.vecgrad.autodiff.op.TanhBackward;
import org.vecgrad.autodiff.op.Trace;
import org.vecgrad.autodiff.op.Transpose;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The operations, as static functions so that expressions read as on the blackboard:
 *
 * <pre>{@code
 * import static org.vecgrad.autodiff.Ops.*;
 * Var z = sigmoid(add(matmul(K, Y), b));
 * }</pre>
 *
 * One line per primitive (the op classes in {@code org.vecgrad.autodiff.op} carry the rules);
 * composites such as softmax or the losses are written here with primitives, so their derivatives
 * come for free and are checked by the same catalogue.
 */
public final class Ops {
  private Ops() {}

  /**
   * Applies {@code op}: checks inputs (tape, dtype, shape rule) before any kernel runs, computes
   * the value, and records the application when an input is tracked and its tape is recording.
   *
   * @throws IllegalArgumentException for a null input, inputs from two tapes, mixed dtypes or a
   *     broken shape rule
   * @throws IllegalStateException for an input whose tape is closed
   */
  public static Var apply(Op op, Var... inputs) {
    return Apply.any(op, inputs);
  }

  /**
   * {@link #apply(Op, Var...)} for one input, with the same checks and errors but no varargs arrays
   * (the hot path of scalar expressions).
   */
  public static Var apply(Op op, Var x) {
    return Apply.unary(op, x);
  }

  /** {@link #apply(Op, Var...)} for two inputs, without varargs arrays (see above). */
  public static Var apply(Op op, Var a, Var b) {
    return Apply.binary(op, a, b);
  }

  // ------------------------------------------------------------ constants

  /** A detached constant. */
  public static Var constant(Tensor t) {
    return Var.constant(t);
  }

  /** Zeros shaped and typed like {@code x} (detached). */
  public static Var zerosLike(Var x) {
    return Var.constant(Tensor.zeros(x.shape(), x.dtype()));
  }

  /** Ones shaped and typed like {@code x} (detached). */
  public static Var onesLike(Var x) {
    return Var.constant(Tensor.ones(x.shape(), x.dtype()));
  }

  private static Var scalarLike(Var x, double c) {
    return Var.constant(Tensor.scalar(c, x.dtype()));
  }

  // ------------------------------------------------------------ arithmetic (broadcasting)

  /** {@code a + b} with broadcasting. */
  public static Var add(Var a, Var b) {
    return apply(Add.INSTANCE, a, b);
  }

  /** {@code a + c}. */
  public static Var add(Var a, double c) {
    return add(a, scalarLike(a, c));
  }

  /** {@code a − b} with broadcasting. */
  public static Var sub(Var a, Var b) {
    return apply(Sub.INSTANCE, a, b);
  }

  /** {@code c − a}. */
  public static Var sub(double c, Var a) {
    return sub(scalarLike(a, c), a);
  }

  /** {@code a ⊙ b} (elementwise) with broadcasting. */
  public static Var mul(Var a, Var b) {
    return apply(Mul.INSTANCE, a, b);
  }

  /** {@code a / b} (elementwise) with broadcasting. */
  public static Var div(Var a, Var b) {
    return apply(Div.INSTANCE, a, b);
  }

  /** {@code c / a} (elementwise). */
  public static Var div(double c, Var a) {
    return div(scalarLike(a, c), a);
  }

  /** {@code −x}. */
  public static Var neg(Var x) {
    return apply(Neg.INSTANCE, x);
  }

  /** {@code c·x} for a constant c. */
  public static Var scale(Var x, double c) {
    return apply(new Scale(c), x);
  }

  /** Explicit dtype conversion. */
  public static Var cast(Var x, DType dtype) {
    return x.dtype() == dtype ? x : apply(new Cast(dtype), x);
  }

  // ------------------------------------------------------------ elementwise functions

  /** {@code x²}. */
  public static Var square(Var x) {
    return apply(Square.INSTANCE, x);
  }

  /** {@code xᵖ} for a constant p. */
  public static Var pow(Var x, double p) {
    return apply(new Pow(p), x);
  }

  /** {@code √x}. */
  public static Var sqrt(Var x) {
    return apply(Sqrt.INSTANCE, x);
  }

  /** {@code eˣ}. */
  public static Var exp(Var x) {
    return apply(Exp.INSTANCE, x);
  }

  /** {@code ln x}. */
  public static Var log(Var x) {
    return apply(Log.INSTANCE, x);
  }

  /** {@code |x|}. */
  public static Var abs(Var x) {
    return apply(Abs.INSTANCE, x);
  }

  /** {@code sign(x)} (derivative zero). */
  public static Var sign(Var x) {
    return apply(Sign.INSTANCE, x);
  }

  /** {@code [x > 0]} (derivative zero). */
  public static Var step(Var x) {
    return apply(Step.INSTANCE, x);
  }

  /** {@code tanh x}. */
  public static Var tanh(Var x) {
    return apply(Tanh.INSTANCE, x);
  }

  /** {@code σ(x) = 1/(1+e⁻ˣ)}. */
  public static Var sigmoid(Var x) {
    return apply(Sigmoid.INSTANCE, x);
  }

  /**
   * {@code g ⊙ [x > 0]}: ReLU's backward in one pass, from the adjoint {@code g} and ReLU's input
   * {@code x} (same shape). ReLU's own rules record it.
   */
  public static Var reluBackward(Var g, Var x) {
    return apply(ReluBackward.INSTANCE, g, x);
  }

  /**
   * {@code g ⊙ (1 − y²)}: tanh's backward in one pass, from the adjoint {@code g} and tanh's output
   * {@code y} (same shape). Tanh's own rules record it.
   */
  public static Var tanhBackward(Var g, Var y) {
    return apply(TanhBackward.INSTANCE, g, y);
  }

  /**
   * {@code g ⊙ y(1 − y)}: the sigmoid's backward in one pass, from the adjoint {@code g} and the
   * sigmoid's output {@code y} (same shape). Sigmoid's own rules record it.
   */
  public static Var sigmoidBackward(Var g, Var y) {
    return apply(SigmoidBackward.INSTANCE, g, y);
  }

  /** {@code max(x, 0)}. */
  public static Var relu(Var x) {
    return apply(Relu.INSTANCE, x);
  }

  /** {@code ln(1+eˣ)}. */
  public static Var softplus(Var x) {
    return apply(Softplus.INSTANCE, x);
  }

  // ------------------------------------------------------------ linear algebra

  /** {@code A·B} for matrices. */
  public static Var matmul(Var a, Var b) {
    return apply(MatMul.of(false, false), a, b);
  }

  /** {@code op(A)·op(B)}, transposing without copying when asked. */
  public static Var matmul(Var a, Var b, boolean transA, boolean transB) {
    return apply(MatMul.of(transA, transB), a, b);
  }

  /**
   * {@code x·Wᵀ + b}: a dense layer's affine map, {@code x [batch, in]}, {@code W [out, in]},
   * {@code b [out]} added to every row; one fused op (the bias goes into the product's fresh
   * storage).
   */
  public static Var affine(Var x, Var w, Var b) {
    return apply(Affine.INSTANCE, x, w, b);
  }

  /** {@code Xᵀ} for a matrix. */
  public static Var transpose(Var x) {
    return apply(Transpose.INSTANCE, x);
  }

  /** The same elements in another shape. */
  public static Var reshape(Var x, Shape shape) {
    return x.shape().equals(shape) ? x : apply(new Reshape(shape), x);
  }

  /**
   * {@code vec(X)}: the columns of an m×n matrix stacked into one vector of length mn, as in the
   * lecture notes, so that {@code vec(A·X·B) = (Bᵀ ⊗ A)·vec(X)}.
   */
  public static Var vec(Var x) {
    if (x.shape().rank() != 2) {
      throw new IllegalArgumentException("vec: needs a matrix, got shape " + x.shape());
    }
    return reshape(transpose(x), Shape.of(x.shape().size()));
  }

  /** {@code mat(v, m, n)}: the inverse of {@link #vec}, filling an m×n matrix column by column. */
  public static Var mat(Var v, int rows, int cols) {
    if (v.shape().size() != rows * cols) {
      throw new IllegalArgumentException(
          "mat: " + v.shape() + " has " + v.shape().size() + " elements, not " + rows + "×" + cols);
    }
    return transpose(reshape(v, Shape.of(cols, rows)));
  }

  /**
   * {@code (A ⊗ B)·v} without forming the Kronecker product: {@code vec(B · mat(v) · Aᵀ)}. For A of
   * p×q and B of r×s, v has qs elements and the result pr.
   */
  public static Var kronApply(Var a, Var b, Var v) {
    int q = a.shape().dim(1);
    int s = b.shape().dim(1);
    if (v.shape().size() != q * s) {
      throw new IllegalArgumentException(
          "kronApply: (A "
              + a.shape()
              + " ⊗ B "
              + b.shape()
              + ") · v needs v of "
              + q * s
              + " elements, got "
              + v.shape());
    }
    return vec(matmul(matmul(b, mat(v, s, q)), a, false, true));
  }

  /** {@code Σᵢ aᵢbᵢ} for tensors of one shape. */
  public static Var dot(Var a, Var b) {
    if (!a.shape().equals(b.shape())) {
      throw new IllegalArgumentException(
          "dot: shapes " + a.shape() + " and " + b.shape() + " differ");
    }
    return sum(mul(a, b));
  }

  /** {@code ‖X‖_F = √(Σ xᵢ²)}. */
  public static Var frobeniusNorm(Var x) {
    return sqrt(sum(square(x)));
  }

  /** {@code tr X}. */
  public static Var trace(Var x) {
    return apply(Trace.INSTANCE, x);
  }

  // ------------------------------------------------------------ reductions and broadcasting

  /** Sum of all elements (a scalar). */
  public static Var sum(Var x) {
    return apply(Sum.INSTANCE, x);
  }

  /** Sum over one axis. */
  public static Var sum(Var x, int axis, boolean keepDims) {
    return apply(new SumAxis(axis, keepDims), x);
  }

  /** Mean of all elements. */
  public static Var mean(Var x) {
    return scale(sum(x), 1.0 / Math.max(1, x.shape().size()));
  }

  /** Mean over one axis. */
  public static Var mean(Var x, int axis, boolean keepDims) {
    int n = x.shape().dim(x.shape().normalizeAxis(axis, "mean"));
    return scale(sum(x, axis, keepDims), 1.0 / Math.max(1, n));
  }

  /** Maximum over one axis. */
  public static Var max(Var x, int axis, boolean keepDims) {
    return apply(new MaxAxis(axis, keepDims), x);
  }

  /** Maximum of all elements. */
  public static Var max(Var x) {
    return max(reshape(x, Shape.of(x.shape().size())), 0, false);
  }

  /** One-hot mask of the first maximum along an axis (derivative zero). */
  public static Var argmaxMask(Var x, int axis) {
    return apply(new ArgmaxMask(axis), x);
  }

  /** Repeats x to a broadcast shape. */
  public static Var broadcastTo(Var x, Shape shape) {
    return x.shape().equals(shape) ? x : apply(new BroadcastTo(shape), x);
  }

  /** Sums x down to a shape that broadcasts to it (the transpose of broadcastTo). */
  public static Var sumTo(Var x, Shape shape) {
    return x.shape().equals(shape) ? x : apply(new SumTo(shape), x);
  }

  // ------------------------------------------------------------ indexing and joining

  /** Joins tensors along an axis. */
  public static Var concat(int axis, Var... xs) {
    return apply(new Concat(axis), xs);
  }

  /** Elements {@code [start, end)} along an axis. */
  public static Var slice(Var x, int axis, int start, int end) {
    return apply(new Slice(axis, start, end), x);
  }

  /** x placed at {@code start} in zeros of length {@code size} along an axis. */
  public static Var embed(Var x, int axis, int start, int size) {
    return apply(new Embed(axis, start, size), x);
  }

  /** Rows {@code indices} of x (along the first axis). */
  public static Var indexSelect(Var x, int[] indices) {
    return apply(new IndexSelect(indices), x);
  }

  /** Scatter-add of the rows of x into {@code rows} rows at {@code indices}. */
  public static Var indexAdd(Var x, int[] indices, int rows) {
    return apply(new IndexAdd(indices, rows), x);
  }

  // ------------------------------------------------------------ softmax family and losses

  /** {@code log Σ_axis exp(x)}, stable. */
  public static Var logSumExp(Var x, int axis, boolean keepDims) {
    return apply(new LogSumExp(axis, keepDims), x);
  }

  /** {@code x − logSumExp(x)} along an axis. */
  public static Var logSoftmax(Var x, int axis) {
    return sub(x, logSumExp(x, axis, true));
  }

  /** {@code exp(x) / Σ_axis exp(x)}, as {@code exp(logSoftmax(x))}. */
  public static Var softmax(Var x, int axis) {
    return exp(logSoftmax(x, axis));
  }

  /**
   * Softmax cross-entropy of logits {@code [batch, classes]} against target distributions (one-hot
   * rows), averaged over the batch; fused and stable.
   */
  public static Var softmaxCrossEntropy(Var logits, Var targets) {
    return apply(SoftmaxCrossEntropy.INSTANCE, logits, targets);
  }

  /** {@code ½‖y − t‖²}, summed over all elements. */
  public static Var squaredError(Var y, Var t) {
    return scale(sum(square(sub(y, t))), 0.5);
  }

  /** {@code Σ max(0, 1 − y⊙t)} for labels t in {−1, +1}. */
  public static Var hinge(Var y, Var t) {
    return sum(relu(sub(1.0, mul(y, t))));
  }
}
