package org.vecgrad.check;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * {@code y = x²} with one deliberately wrong rule, as a bug a contributor might write: the checks
 * must catch it and name it.
 */
final class WrongRules implements Op {
  /** VJP forgets the factor 2: {@code x̄ = x·ȳ}; the JVP is right. */
  static final WrongRules BAD_VJP = new WrongRules("badVjpSquare", 2, 1);

  /** JVP uses 3x instead of 2x; the VJP is right. */
  static final WrongRules BAD_JVP = new WrongRules("badJvpSquare", 3, 2);

  private final String name;
  private final double jvpFactor;
  private final double vjpFactor;

  private WrongRules(String name, double jvpFactor, double vjpFactor) {
    this.name = name;
    this.jvpFactor = jvpFactor;
    this.vjpFactor = vjpFactor;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Shape shape(Shape... inputs) {
    return inputs[0];
  }

  @Override
  public Tensor forward(Tensor... inputs) {
    double[] x = inputs[0].toDoubleArray();
    for (int i = 0; i < x.length; i++) {
      x[i] *= x[i];
    }
    return Tensor.wrap(inputs[0].shape(), x, inputs[0].dtype());
  }

  @Override
  public Var jvp(Node node, Var[] tangents) {
    return Ops.mul(Ops.scale(node.input(0), jvpFactor), tangents[0]);
  }

  @Override
  public Var[] vjp(Node node, Var gOut, boolean[] wanted) {
    return new Var[] {Ops.mul(Ops.scale(node.input(0), vjpFactor), gOut)};
  }
}
