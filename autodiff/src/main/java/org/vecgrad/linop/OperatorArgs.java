package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Argument checks shared by the operators: every error names the operator and both shapes. */
final class OperatorArgs {
  private OperatorArgs() {}

  /** Checks that v (an argument of {@code op.apply}) has the domain shape. */
  static Tensor domainArg(LinearOperator op, Tensor v) {
    // the message (op.describe() can be long for composites) is built only on failure
    if (v != null && v.shape().equals(op.domain())) {
      return v;
    }
    return require(op.describe() + ".apply", op.domain(), v);
  }

  /** Checks that u (an argument of {@code op.applyAdjoint}) has the range shape. */
  static Tensor rangeArg(LinearOperator op, Tensor u) {
    if (u != null && u.shape().equals(op.range())) {
      return u;
    }
    return require(op.describe() + ".applyAdjoint", op.range(), u);
  }

  /** Checks that t has the expected shape; the message starts with {@code where}. */
  static Tensor require(String where, Shape expected, Tensor t) {
    if (t == null) {
      throw new IllegalArgumentException(where + ": vector is null, expected shape " + expected);
    }
    if (!t.shape().equals(expected)) {
      throw new IllegalArgumentException(
          where
              + ": vector of shape "
              + t.shape()
              + " ("
              + t.size()
              + " elements) does not match the expected shape "
              + expected
              + " ("
              + expected.size()
              + " elements)");
    }
    return t;
  }

  /** Checks that {@code t} is a matrix (rank 2). */
  static Tensor matrix(String where, String role, Tensor t) {
    if (t == null || t.shape().rank() != 2) {
      throw new IllegalArgumentException(
          where
              + ": "
              + role
              + " must be a matrix (rank 2), got "
              + (t == null ? "null" : t.shape()));
    }
    return t;
  }

  /** Checks an operator argument is not null. */
  static LinearOperator notNull(String where, String role, LinearOperator op) {
    if (op == null) {
      throw new IllegalArgumentException(where + ": " + role + " operator is null");
    }
    return op;
  }
}
