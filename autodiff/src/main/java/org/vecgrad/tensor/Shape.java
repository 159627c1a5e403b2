package org.vecgrad.tensor;

import java.util.Arrays;

/**
 * The dimensions of a dense tensor, outermost first (row-major). Rank 0 is a scalar.
 *
 * <p>Immutable. Every dimension is non-negative and the element count fits in an {@code int};
 * otherwise construction fails with an {@link IllegalArgumentException} that names the shape.
 */
public final class Shape {
  /** The shape of a scalar: rank 0, one element. */
  public static final Shape SCALAR = new Shape(new int[0], 1);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims, int size) {
    this.dims = dims;
    this.size = size;
  }

  /**
   * A shape with the given dimensions.
   *
   * @throws IllegalArgumentException if a dimension is negative or the element count overflows int
   */
  public static Shape of(int... dims) {
    if (dims.length == 0) {
      return SCALAR;
    }
    long size = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + ": negative dimension " + d);
      }
      size *= d;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "shape "
                + Arrays.toString(dims)
                + ": element count overflows int (more than "
                + Integer.MAX_VALUE
                + " elements)");
      }
    }
    return new Shape(dims.clone(), (int) size);
  }

  /** A matrix shape {@code [rows, cols]}. */
  public static Shape matrix(int rows, int cols) {
    return of(rows, cols);
  }

  /** A vector shape {@code [n]}. */
  public static Shape vector(int n) {
    return of(n);
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Total number of elements (1 for a scalar). */
  public int size() {
    return size;
  }

  /**
   * Dimension {@code axis}; a negative axis counts from the end, as in numpy.
   *
   * @throws IllegalArgumentException if the axis is out of range
   */
  public int dim(int axis) {
    return dims[normalizeAxis(axis, "dim")];
  }

  /** A copy of the dimensions. */
  public int[] dims() {
    return dims.clone();
  }

  /** True for rank 0. */
  public boolean isScalar() {
    return dims.length == 0;
  }

  /**
   * Maps a possibly negative axis into {@code [0, rank)}.
   *
   * @param op the operation name for the error message
   */
  public int normalizeAxis(int axis, String op) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " is out of range for shape " + this + " of rank " + rank());
    }
    return a;
  }

  /** Row-major strides in elements: {@code strides[i] = product of dims[i+1..]}. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int acc = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= dims[i];
    }
    return s;
  }

  /** Product of the dimensions before {@code axis}. */
  public int outerSize(int axis) {
    int p = 1;
    for (int i = 0; i < axis; i++) {
      p *= dims[i];
    }
    return p;
  }

  /** Product of the dimensions after {@code axis}. */
  public int innerSize(int axis) {
    int p = 1;
    for (int i = axis + 1; i < dims.length; i++) {
      p *= dims[i];
    }
    return p;
  }

  /** This shape with {@code axis} removed ({@code keepDims=false}) or set to 1. */
  public Shape reduce(int axis, boolean keepDims) {
    int a = normalizeAxis(axis, "reduce");
    if (keepDims) {
      int[] d = dims.clone();
      d[a] = 1;
      return of(d);
    }
    int[] d = new int[dims.length - 1];
    for (int i = 0, j = 0; i < dims.length; i++) {
      if (i != a) {
        d[j++] = dims[i];
      }
    }
    return of(d);
  }

  /**
   * The shape of an elementwise result under numpy / PyTorch broadcasting: align trailing
   * dimensions; each pair must be equal or contain a 1.
   *
   * @param op the operation name for the error message
   */
  public static Shape broadcast(String op, Shape a, Shape b) {
    if (a.equals(b)) {
      return a;
    }
    int r = Math.max(a.rank(), b.rank());
    int[] out = new int[r];
    for (int i = 0; i < r; i++) {
      int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
      int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            op
                + ": shapes "
                + a
                + " and "
                + b
                + " do not broadcast: dimension "
                + i
                + " of the result has "
                + da
                + " and "
                + db
                + " (each pair of trailing dimensions must be equal or one of them 1)");
      }
      out[i] = da == 1 ? db : da;
    }
    return of(out);
  }

  /** True if this shape can be broadcast to {@code target} (target is the broadcast result). */
  public boolean broadcastsTo(Shape target) {
    if (rank() > target.rank()) {
      return false;
    }
    int off = target.rank() - rank();
    for (int i = 0; i < rank(); i++) {
      if (dims[i] != 1 && dims[i] != target.dims[i + off]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Prints as {@code [3, 4]}; a scalar prints as {@code []}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
