package org.vecgrad.autodiff;

import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * The sums of cotangents in a reverse sweep that records nothing. A value used by n ops receives n
 * cotangents, and its adjoint is their sum {@code ((g₁ + g₂) + g₃) + …}. Built with {@link
 * Ops#add}, each addition would make a new tensor, n − 1 in all (a weight shared by the 100 steps
 * of a recurrent net: 99 weight-sized arrays per sweep). Here the first addition makes one array of
 * the sweep's own and the next ones add into it, as PyTorch's engine accumulates gradients in
 * place. Same additions in the same order as {@code Ops.add}, so the same bits.
 *
 * <p>Safe because nobody else sees the sum before it is final: the tape is in topological order, so
 * every cotangent of node k arrives (from nodes after k) before the sweep reaches k and hands its
 * adjoint to k's VJP rule, after which nothing adds into slot k again. A slot counts as owned only
 * for the sum made for that slot: a rule may pass its incoming adjoint on unchanged ({@code add}'s
 * rule does), and a slot that received such an alias starts a new array at its next addition.
 */
final class CotangentSums {
  /** {@code owned[k]}: the adjoint of slot k is an array this sweep made for k. */
  private final boolean[] owned;

  CotangentSums(int slots) {
    this.owned = new boolean[slots];
  }

  /**
   * {@code sum + g} as the adjoint of slot {@code k}: into the sum's own array when this sweep made
   * it for k, else through {@link Ops#add}, whose result is always a new array (leased from the
   * open workspace, if any); that one is then k's own.
   */
  Var add(int k, Var sum, Var g) {
    if (owned[k] && sum.dtype() == g.dtype()) {
      addInto(sum.value(), g.value());
      return sum;
    }
    Var fresh = Ops.add(sum, g); // fails with the op's message on mixed dtypes
    owned[k] = true;
    return fresh;
  }

  /** {@code a += b} elementwise, over a's storage (an array of this sweep's own, not yet shown). */
  private static void addInto(Tensor a, Tensor b) {
    int n = a.size();
    if (a.dtype() == DType.F32) {
      float[] x = a.readF32();
      float[] y = b.readF32();
      if (n == 1) {
        x[0] += y[0]; // scalar tapes: no loop set-up
      } else {
        BinaryKernels.ADD.vv(x, 0, y, 0, x, 0, n);
      }
    } else {
      double[] x = a.readF64();
      double[] y = b.readF64();
      if (n == 1) {
        x[0] += y[0];
      } else {
        BinaryKernels.ADD.vv(x, 0, y, 0, x, 0, n);
      }
    }
  }
}
