package org.vecgrad.nn.io;

/**
 * A parameter file that cannot be used: truncated, corrupt, not a safetensors file, or not matching
 * the model. The message names the file and every problem found; nothing was loaded.
 */
public final class ModelFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file and the problem. */
  public ModelFileException(String message) {
    super(message);
  }

  /** With the underlying cause. */
  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
