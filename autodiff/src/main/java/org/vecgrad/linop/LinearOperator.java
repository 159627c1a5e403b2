package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A linear map {@code A : ℝ^{domain} → ℝ^{range}} known by its action, never necessarily formed:
 * {@link #apply} gives {@code A·v} and {@link #applyAdjoint} gives {@code Aᵀ·u}. Inputs and outputs
 * are tensors of the {@link #domain()} and {@link #range()} shapes; inner products are taken over
 * all elements.
 *
 * <p>Jacobians of recorded graphs, Kronecker products, Gauss-Newton and Hessian operators are all
 * of this kind, so one adjoint test ({@code ⟨u, A v⟩ = ⟨Aᵀu, v⟩}) and one set of solvers serve them
 * all. The default methods build new operators from old ones without forming any matrix: {@link
 * #compose} ({@code A·B}), {@link #plus} ({@code A + B}), {@link #minus}, {@link #scale} ({@code
 * c·A}) and {@link #transpose} ({@code Aᵀ}); {@link #toDense} forms the matrix column by column for
 * small sizes (tests, reports).
 *
 * <p>Every implementation checks the shape of its argument and throws an {@link
 * IllegalArgumentException} naming the operator and both shapes; values are computed in F64.
 */
public interface LinearOperator {
  /** The largest matrix {@link #toDense()} forms without an explicit limit: 2²² entries (32 MB). */
  long DENSE_LIMIT = 1L << 22;

  /** Shape of the vectors A acts on. */
  Shape domain();

  /** Shape of the vectors A produces. */
  Shape range();

  /**
   * {@code A·v} for v of the domain shape.
   *
   * @throws IllegalArgumentException if v is null or not of the domain shape
   */
  Tensor apply(Tensor v);

  /**
   * {@code Aᵀ·u} for u of the range shape.
   *
   * @throws IllegalArgumentException if u is null or not of the range shape
   */
  Tensor applyAdjoint(Tensor u);

  /** A short description for reports. */
  default String describe() {
    return getClass().getSimpleName() + " " + domain() + " → " + range();
  }

  /**
   * {@code A·B}: applies {@code inner} first, then this operator. Adjoint: {@code Bᵀ·Aᵀ}.
   *
   * @throws IllegalArgumentException if B's range is not A's domain
   */
  default LinearOperator compose(LinearOperator inner) {
    return new ComposedOperator(this, inner);
  }

  /**
   * {@code A + B} for operators of the same domain and range (self-adjoint if both are).
   *
   * @throws IllegalArgumentException if the domains or ranges differ
   */
  default LinearOperator plus(LinearOperator other) {
    return new SumOperator(this, other, 1.0);
  }

  /**
   * {@code A − B}, e.g. {@code H − G} (lecture 004's {@code H₁ = H − H₀}).
   *
   * @throws IllegalArgumentException if the domains or ranges differ
   */
  default LinearOperator minus(LinearOperator other) {
    return new SumOperator(this, other, -1.0);
  }

  /** {@code c·A}. */
  default LinearOperator scale(double c) {
    return new ScaledOperator(this, c);
  }

  /** {@code Aᵀ}: apply and applyAdjoint swapped; {@code (Aᵀ)ᵀ} is A again. */
  default LinearOperator transpose() {
    return new TransposedOperator(this);
  }

  /**
   * The matrix of A, {@code [range size, domain size]}, formed column by column ({@code A·eⱼ}), for
   * small operators only.
   *
   * @throws IllegalArgumentException if the matrix would have more than {@link #DENSE_LIMIT}
   *     entries
   */
  default Tensor toDense() {
    return toDense(DENSE_LIMIT);
  }

  /**
   * The matrix of A, formed column by column, if it has at most {@code maxEntries} entries.
   *
   * @throws IllegalArgumentException if it would have more
   */
  default Tensor toDense(long maxEntries) {
    return DenseColumns.of(this, maxEntries);
  }
}
