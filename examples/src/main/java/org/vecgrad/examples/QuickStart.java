package org.vecgrad.examples;

import static org.vecgrad.autodiff.Ops.*;

import org.vecgrad.autodiff.*;
import org.vecgrad.tensor.*;

/** The ten-line example of README.md: record an expression, get its gradient. */
public final class QuickStart {
  private QuickStart() {}

  /** Prints a one-layer network's loss and the gradient of its weights. */
  public static void main(String[] args) {
    try (Tape tape = new Tape()) {
      Var K = tape.variable("K", Tensor.of(new double[][] {{0.5, -1}, {2, 0.25}}));
      Var b = tape.variable("b", Tensor.of(new double[][] {{0.1}, {-0.2}}));
      Var Y = tape.constant("Y", Tensor.of(new double[][] {{1, 2, 3}, {0, -1, 1}}));
      Var Z = sigmoid(add(matmul(K, Y), b)); // Z = σ(KY + b), b broadcast over columns
      Var loss = squaredError(Z, constant(Tensor.full(Z.shape(), 0.5)));
      Gradients g = tape.grad(loss, K, b);
      System.out.println("loss = " + loss.item());
      System.out.println("∂loss/∂K =\n" + g.of(K));
    }
  }
}
