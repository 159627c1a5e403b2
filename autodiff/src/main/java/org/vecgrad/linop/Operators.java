package org.vecgrad.linop;

import java.util.function.UnaryOperator;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Factories for the basic operators of the lecture notes (lecture 002): identity, dense matrices,
 * diagonals, Kronecker products applied matrix-free, {@code vec}/{@code mat} and the commutation
 * matrix.
 *
 * <p>{@code vec} is the column-stacking of the notes: for {@code X ∈ ℝ^{m×n}}, {@code vec(X)[j·m +
 * i] = X[i, j]}, so that
 *
 * <pre>
 *   vec(A·X·B) = (Bᵀ ⊗ A)·vec(X),     vec(A·X) = (I ⊗ A)·vec(X),     K_{m,n}·vec(X) = vec(Xᵀ).
 * </pre>
 */
public final class Operators {
  private Operators() {}

  /** {@code I} on tensors of one shape. */
  public static LinearOperator identity(Shape shape) {
    return function("I" + shape, shape, shape, v -> v, u -> u);
  }

  /**
   * The matrix {@code M [m, n]} as an operator from {@code [n]} to {@code [m]} (the matrix is held,
   * not copied: tensors are immutable).
   *
   * @throws IllegalArgumentException if M is not a matrix
   */
  public static LinearOperator matrix(Tensor m) {
    return new MatrixOperator(OperatorArgs.matrix("Operators.matrix", "M", m));
  }

  /** {@code diag(d)}: elementwise multiplication by d, on tensors shaped like d. Self-adjoint. */
  public static LinearOperator diagonal(Tensor d) {
    if (d == null) {
      throw new IllegalArgumentException("Operators.diagonal: d is null");
    }
    double[] dd = d.readF64();
    UnaryOperator<Tensor> mul =
        v -> {
          double[] x = v.readF64();
          double[] out = new double[x.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = dd[i] * x[i];
          }
          return Tensor.wrap(v.shape(), out);
        };
    return function("diag" + d.shape(), d.shape(), d.shape(), mul, mul);
  }

  /**
   * {@code A ⊗ B} for {@code A [p, q]} and {@code B [r, s]}, from {@code [q·s]} to {@code [p·r]},
   * applied as {@code vec(B · mat(v) · Aᵀ)} without forming the product.
   */
  public static LinearOperator kronecker(Tensor a, Tensor b) {
    return new KroneckerOperator(
        OperatorArgs.matrix("Operators.kronecker", "A", a),
        OperatorArgs.matrix("Operators.kronecker", "B", b));
  }

  /** {@code vec}: from a matrix {@code [rows, cols]} to its stacked columns {@code [rows·cols]}. */
  public static LinearOperator vec(int rows, int cols) {
    return new VecOperator(rows, cols);
  }

  /**
   * {@code mat}: from {@code [rows·cols]} to the matrix {@code [rows, cols]} filled column by
   * column; the inverse and the transpose of {@link #vec} (vec is a permutation).
   */
  public static LinearOperator mat(int rows, int cols) {
    return new VecOperator(rows, cols).transpose();
  }

  /**
   * The commutation matrix {@code K_{m,n}} on {@code [m·n]}: {@code K_{m,n}·vec(X) = vec(Xᵀ)} for
   * {@code X ∈ ℝ^{m×n}}. Its transpose (and inverse) is {@code K_{n,m}}.
   */
  public static LinearOperator commutation(int m, int n) {
    return new CommutationOperator(m, n);
  }

  /** The same elements read in another shape (row-major); the adjoint reshapes back. */
  public static LinearOperator reshape(Shape from, Shape to) {
    if (from.size() != to.size()) {
      throw new IllegalArgumentException(
          "Operators.reshape: " + from + " and " + to + " have different element counts");
    }
    return function(
        "reshape" + from + "→" + to, from, to, v -> v.reshape(to), u -> u.reshape(from));
  }

  /**
   * An operator given by two functions, which must be each other's adjoint (check with an adjoint
   * test). Arguments are shape-checked before the functions see them.
   */
  public static LinearOperator function(
      String name,
      Shape domain,
      Shape range,
      UnaryOperator<Tensor> apply,
      UnaryOperator<Tensor> applyAdjoint) {
    return new FunctionOperator(name, domain, range, apply, applyAdjoint);
  }
}
