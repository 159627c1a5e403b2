package org.vecgrad.check;

import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.linop.LinearOperator;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The Jacobian block {@code ∂y/∂(x₁, …, xₖ)} of a recorded graph at its recorded point, as a linear
 * operator: {@code apply} is a forward sweep, {@code applyAdjoint} a reverse sweep. With one input
 * the domain is that input's shape; with several, their elements are concatenated into one flat
 * vector.
 */
final class GraphJacobian implements LinearOperator {
  private final Tape tape;
  private final Var y;
  private final Var[] xs;
  private final Shape domain;

  GraphJacobian(Var y, Var... xs) {
    if (y.tape() == null) {
      throw new IllegalArgumentException("adjoint test: output " + y + " is not recorded");
    }
    if (xs.length == 0) {
      throw new IllegalArgumentException("adjoint test: name the inputs of the Jacobian block");
    }
    for (Var x : xs) {
      if (x.tape() != y.tape()) {
        throw new IllegalArgumentException(
            "adjoint test: input " + x + " is not on the tape of the output " + y);
      }
    }
    this.tape = y.tape();
    this.y = y;
    this.xs = xs.clone();
    int total = 0;
    for (Var x : xs) {
      total += x.shape().size();
    }
    this.domain = xs.length == 1 ? xs[0].shape() : Shape.of(total);
  }

  @Override
  public Shape domain() {
    return domain;
  }

  @Override
  public Shape range() {
    return y.shape();
  }

  Tape tape() {
    return tape;
  }

  DType dtype() {
    DType d = y.dtype();
    for (Var x : xs) {
      d = Tolerances.coarser(d, x.dtype());
    }
    return d;
  }

  @Override
  public Tensor apply(Tensor v) {
    if (!y.isTracked()) {
      return Tensor.zeros(y.shape(), y.dtype());
    }
    var fwd = tape.forward();
    double[] flat = v.readF64();
    int off = 0;
    for (Var x : xs) {
      double[] part = new double[x.shape().size()];
      System.arraycopy(flat, off, part, 0, part.length);
      off += part.length;
      fwd.tangent(x, Tensor.wrap(x.shape(), part, x.dtype()));
    }
    return fwd.run().of(y);
  }

  @Override
  public Tensor applyAdjoint(Tensor u) {
    double[] out = new double[domain.size()];
    if (y.isTracked()) {
      Gradients g = tape.vjp(y, u.cast(y.dtype()), xs);
      int off = 0;
      for (Var x : xs) {
        double[] part = g.of(x).readF64();
        System.arraycopy(part, 0, out, off, part.length);
        off += part.length;
      }
    }
    return Tensor.wrap(domain, out, xs[0].dtype());
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Jacobian of ").append(y.node().describe()).append(" wrt");
    for (Var x : xs) {
      sb.append(' ').append(x.node().describe());
    }
    return sb.toString();
  }
}
