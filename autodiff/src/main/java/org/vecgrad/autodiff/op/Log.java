package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.UnaryKernels;

/** {@code y = ln x} (x &gt; 0). JVP: {@code ẏ = ẋ/x}. VJP: {@code x̄ = ȳ/x}. */
public final class Log extends UnaryElementwise {
  /** The one instance. */
  public static final Log INSTANCE = new Log();

  private Log() {
    super("log", UnaryKernels.LOG, "ȳ/x");
  }

  @Override
  public Var derivative(Node node) {
    Var x = node.input(0);
    return Ops.pow(x, -1);
  }
}
