package org.vecgrad.autodiff;

/**
 * An op that is linear in all its inputs jointly, such as add, transpose, reshape or sum. Its JVP
 * is the op itself applied to the tangents (JAX's {@code deflinear}), so an implementation writes
 * only its forward and its transpose ({@link #vjp}).
 */
public interface LinearOp extends Op {
  /** {@code ẏ = f(ẋ₁, …, ẋₙ)}, with zero tangents materialised where needed. */
  @Override
  default Var jvp(Node node, Var[] tangents) {
    Var[] t = new Var[tangents.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = tangents[i] != null ? tangents[i] : Ops.zerosLike(node.input(i));
    }
    return Ops.apply(this, t);
  }
}
