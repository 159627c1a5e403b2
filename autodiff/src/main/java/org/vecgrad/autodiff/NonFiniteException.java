package org.vecgrad.autodiff;

/**
 * Thrown in watch mode ({@link Tape#watchNonFinite(boolean)}) when a node first produces a NaN or
 * an infinity, in the forward pass or in a sweep. The message names the node, its op and inputs.
 */
public final class NonFiniteException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int nodeIndex;

  NonFiniteException(int nodeIndex, String message) {
    super(message);
    this.nodeIndex = nodeIndex;
  }

  /** Tape index of the offending node, or -1 for an unrecorded result. */
  public int nodeIndex() {
    return nodeIndex;
  }
}
