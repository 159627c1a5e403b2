package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/** {@code y = √x} (x &gt; 0). JVP: {@code ẏ = ẋ/(2y)}. VJP: {@code x̄ = ȳ/(2y)}. */
public final class Sqrt extends UnaryElementwise {
  /** The one instance. */
  public static final Sqrt INSTANCE = new Sqrt();

  private Sqrt() {
    super("sqrt", UnaryKernels.SQRT, "ȳ/(2y)");
  }

  @Override
  public Var derivative(Node node) {
    Var y = node.output();
    return Ops.scale(Ops.pow(y, -1), 0.5);
  }
}
