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
 * all.
 */
public interface LinearOperator {
  /** Shape of the vectors A acts on. */
  Shape domain();

  /** Shape of the vectors A produces. */
  Shape range();

  /** {@code A·v} for v of the domain shape. */
  Tensor apply(Tensor v);

  /** {@code Aᵀ·u} for u of the range shape. */
  Tensor applyAdjoint(Tensor u);

  /** A short description for reports. */
  default String describe() {
    return getClass().getSimpleName() + " " + domain() + " → " + range();
  }
}
