package org.vecgrad.tensor;

/**
 * The right to read storage that its owner will take back: a closed {@link Workspace} takes back
 * the arrays it leased, and {@link StorageReuse#takeF64} takes a parameter's array for its next
 * value. Every {@link Tensor.Leased} over such storage holds the lease and checks it before each
 * read, so a tensor kept past the end of its lease throws instead of showing whatever the storage
 * holds now.
 *
 * <p>One lease can cover many tensors (a workspace's, or a tensor and its reshapes): ending it
 * retires them all.
 */
final class Lease {
  private final boolean passesOn;
  private String endedBecause; // null while the storage may be read
  private String note;

  /**
   * A lease; {@code passesOn} when {@link StorageReuse#takeF64} may end it and give the storage to
   * a successor value (never for a workspace's arrays, which go back to its pool).
   */
  Lease(boolean passesOn) {
    this.passesOn = passesOn;
  }

  /** Whether {@link StorageReuse#takeF64} may take this storage for a successor. */
  boolean passesOn() {
    return passesOn;
  }

  /** Whether the storage may still be read. */
  boolean isLive() {
    return endedBecause == null;
  }

  /**
   * Ends the lease: from now on every tensor under it throws on a read.
   *
   * @param why the end of the exception's message, after "tensor of shape … (dtype)", e.g. "was
   *     computed inside a Workspace that has been closed, …; copy() it …"
   * @param note a few words for printing such a tensor, e.g. "storage handed back by a closed
   *     Workspace"
   */
  void end(String why, String note) {
    this.endedBecause = why;
    this.note = note;
  }

  /** The printing note given to {@link #end}, or null while live. */
  String note() {
    return endedBecause == null ? null : note;
  }

  /** Throws if the lease has ended, naming the tensor's shape and dtype and why. */
  void requireLive(Tensor t) {
    if (endedBecause != null) {
      throw new IllegalStateException(
          "tensor of shape " + t.shape() + " (" + t.dtype() + ") " + endedBecause);
    }
  }
}
