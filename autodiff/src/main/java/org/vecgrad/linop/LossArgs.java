package org.vecgrad.linop;

import org.vecgrad.tensor.Tensor;

/** Shape checks shared by the closed-form loss Hessians. */
final class LossArgs {
  private LossArgs() {}

  static void check(String loss, Tensor output, Tensor target, Tensor v) {
    if (output == null || target == null || v == null) {
      throw new IllegalArgumentException(loss + ".hvp: output, target and v must not be null");
    }
    OperatorArgs.require(loss + ".hvp target", output.shape(), target);
    OperatorArgs.require(loss + ".hvp v", output.shape(), v);
  }
}
