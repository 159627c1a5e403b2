package org.vecgrad.tensor;

/**
 * Element type of a {@link Tensor}.
 *
 * <p>{@link #F64} is the default: derivative checks need its precision. {@link #F32} is for fast
 * training. Operations never promote silently: mixing the two is an error until one side is cast.
 */
public enum DType {
  /** IEEE 754 binary64, Java {@code double}. */
  F64(8, 2.220446049250313e-16),
  /** IEEE 754 binary32, Java {@code float}. */
  F32(4, 1.1920928955078125e-7);

  private final int bytes;
  private final double epsilon;

  DType(int bytes, double epsilon) {
    this.bytes = bytes;
    this.epsilon = epsilon;
  }

  /** Bytes one element occupies. */
  public int bytes() {
    return bytes;
  }

  /** Machine epsilon: the gap between 1 and the next representable number. */
  public double epsilon() {
    return epsilon;
  }
}
