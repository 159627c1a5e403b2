package org.vecgrad.autodiff;

/**
 * An op of two inputs, linear in each one separately, such as mul, matmul or dot. Its JVP follows
 * from the product rule, {@code ẏ = f(ȧ, b) + f(a, ḃ)} (JAX's {@code defbilinear}), so an
 * implementation writes only the two transposes in {@link #vjp}.
 */
public interface BilinearOp extends Op {
  @Override
  default Var jvp(Node node, Var[] tangents) {
    Var left = tangents[0] == null ? null : Ops.apply(this, tangents[0], node.input(1));
    Var right = tangents[1] == null ? null : Ops.apply(this, node.input(0), tangents[1]);
    if (left == null) {
      return right;
    }
    return right == null ? left : Ops.add(left, right);
  }
}
