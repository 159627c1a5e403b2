package org.vecgrad.nn.data;

import java.util.Arrays;

/**
 * The contents of an IDX file: element type, dimensions and the values as doubles (row-major, as
 * stored). Every IDX element type is exactly representable as a double.
 */
public final class IdxArray {
  private final IdxType type;
  private final int[] dims;
  private final double[] values;

  /**
   * An array; {@code values.length} must equal the product of {@code dims}.
   *
   * @throws IllegalArgumentException otherwise
   */
  public IdxArray(IdxType type, int[] dims, double[] values) {
    long n = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "IdxArray: negative dimension in " + Arrays.toString(dims));
      }
      n *= d;
    }
    if (n != values.length) {
      throw new IllegalArgumentException(
          "IdxArray: dims "
              + Arrays.toString(dims)
              + " hold "
              + n
              + " elements, got "
              + values.length);
    }
    this.type = type;
    this.dims = dims.clone();
    this.values = values;
  }

  /** The element type. */
  public IdxType type() {
    return type;
  }

  /** The dimensions, outermost first. */
  public int[] dims() {
    return dims.clone();
  }

  /** The values (the backing array; do not modify). */
  public double[] values() {
    return values;
  }

  /** The values as int labels (for label files). */
  public int[] asInts() {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return "IdxArray(" + type + Arrays.toString(dims) + ")";
  }
}
