package org.vecgrad.tensor;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable dense tensor: a {@link Shape}, a {@link DType} and contiguous row-major storage.
 *
 * <p>Tensors are values. Nothing in vecgrad writes into a tensor after it is built, so a tensor
 * recorded on a tape stays what it was when recorded. The one exception is explicit: an op result
 * computed inside a {@link Workspace} lends its storage back when the workspace closes, and from
 * then on every read of it throws instead of showing other numbers ({@link #copy()} keeps one). The
 * math lives in the operations ({@code org.vecgrad.autodiff.Ops}) and the kernels, not here: this
 * class holds data and the few methods one needs to build, read and compare it.
 */
public sealed class Tensor permits Tensor.Leased {
  private static final int PRINT_LIMIT = 64;

  // Exactly one of the arrays is set, and it says the dtype: no dtype field, so a tensor is 24
  // bytes rather than 32 (a scalar chain makes several tensors per op). For the same reason the
  // workspace of a leased storage lives in the subclass Leased, not in a field here.
  private final Shape shape;
  private final double[] f64;
  private final float[] f32;

  private Tensor(Shape shape, double[] f64, float[] f32) {
    this.shape = shape;
    this.f64 = f64;
    this.f32 = f32;
  }

  /**
   * A tensor over storage that may have been leased by an open {@link Workspace}. The length test
   * comes first and reads the array's own length: where the caller has just made a short array
   * (every scalar op), C2 knows that length and folds the workspace path away, so the result is one
   * exact class and escape analysis can still remove it (with {@code shape.size()} in the test
   * instead, the scalar chain allocated 264 instead of 240 bytes per op once a workspace had been
   * used in the JVM).
   */
  private static Tensor over(Shape shape, double[] f64, float[] f32) {
    int length = f64 != null ? f64.length : f32.length;
    if (length < Workspace.MIN_ELEMENTS) {
      return new Tensor(shape, f64, f32);
    }
    Workspace owner = Workspace.ownerOf(f64 != null ? f64 : f32);
    return owner == null ? new Tensor(shape, f64, f32) : new Leased(shape, f64, f32, owner.lease());
  }

  /**
   * A tensor over storage its owner will take back (a {@link Workspace}'s leased arrays, or a
   * parameter's array that {@link StorageReuse} hands to the next value): every read first checks
   * the lease.
   */
  static final class Leased extends Tensor {
    private final Lease lease;

    Leased(Shape shape, double[] f64, float[] f32, Lease lease) {
      super(shape, f64, f32);
      this.lease = lease;
    }

    Lease lease() {
      return lease;
    }

    @Override
    void requireLive() {
      lease.requireLive(this);
    }
  }

  // ---------------------------------------------------------------- factories

  /**
   * Wraps {@code data} without copying; the caller gives up the array. For F32 the values are
   * rounded into a new float array. Used by operations to hand over freshly computed results.
   *
   * @throws IllegalArgumentException if the length does not match the shape
   */
  public static Tensor wrap(Shape shape, double[] data, DType dtype) {
    checkLength("wrap", shape, data.length);
    if (dtype == DType.F64) {
      return over(shape, data, null);
    }
    float[] f = new float[data.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) data[i];
    }
    return new Tensor(shape, null, f);
  }

  /** Wraps F64 data without copying; the caller gives up the array. */
  public static Tensor wrap(Shape shape, double[] data) {
    return wrap(shape, data, DType.F64);
  }

  /** Wraps F32 data without copying; the caller gives up the array. */
  public static Tensor wrap(Shape shape, float[] data) {
    checkLength("wrap", shape, data.length);
    return over(shape, null, data);
  }

  /** A copy of {@code data} in the given shape (F64). */
  public static Tensor of(Shape shape, double... data) {
    checkLength("of", shape, data.length);
    return new Tensor(shape, data.clone(), null);
  }

  /** A vector (rank 1) holding a copy of {@code values} (F64). */
  public static Tensor of(double... values) {
    return of(Shape.of(values.length), values);
  }

  /**
   * A matrix from rows (F64).
   *
   * @throws IllegalArgumentException if the rows have different lengths
   */
  public static Tensor of(double[][] rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] d = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new IllegalArgumentException(
            "Tensor.of: row " + i + " has " + rows[i].length + " entries, row 0 has " + cols);
      }
      System.arraycopy(rows[i], 0, d, i * cols, cols);
    }
    return new Tensor(Shape.of(rows.length, cols), d, null);
  }

  /** A rank-0 tensor (F64). */
  public static Tensor scalar(double value) {
    return new Tensor(Shape.SCALAR, new double[] {value}, null);
  }

  /** A rank-0 tensor of the given dtype. */
  public static Tensor scalar(double value, DType dtype) {
    return wrap(Shape.SCALAR, new double[] {value}, dtype);
  }

  /** Every element equal to {@code value}. */
  public static Tensor full(Shape shape, double value, DType dtype) {
    double[] d = new double[shape.size()];
    Arrays.fill(d, value);
    return wrap(shape, d, dtype);
  }

  /** Every element equal to {@code value} (F64). */
  public static Tensor full(Shape shape, double value) {
    return full(shape, value, DType.F64);
  }

  /** Zeros (F64). */
  public static Tensor zeros(int... dims) {
    return zeros(Shape.of(dims), DType.F64);
  }

  /** Zeros of the given shape and dtype. */
  public static Tensor zeros(Shape shape, DType dtype) {
    return dtype == DType.F64
        ? new Tensor(shape, new double[shape.size()], null)
        : new Tensor(shape, null, new float[shape.size()]);
  }

  /** Zeros of the given shape (F64). */
  public static Tensor zeros(Shape shape) {
    return zeros(shape, DType.F64);
  }

  /** Ones of the given shape (F64). */
  public static Tensor ones(Shape shape) {
    return full(shape, 1.0);
  }

  /** Ones (F64). */
  public static Tensor ones(int... dims) {
    return full(Shape.of(dims), 1.0);
  }

  /** Ones of the given shape and dtype. */
  public static Tensor ones(Shape shape, DType dtype) {
    return full(shape, 1.0, dtype);
  }

  /** The n×n identity matrix (F64). */
  public static Tensor eye(int n) {
    Shape s = Shape.of(n, n);
    double[] d = new double[s.size()];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = 1;
    }
    return new Tensor(s, d, null);
  }

  /** {@code [0, 1, ..., n-1]} (F64). */
  public static Tensor arange(int n) {
    return arange(0, n, 1);
  }

  /**
   * {@code start, start+step, ...} up to but excluding {@code stop} (F64), as numpy's arange.
   *
   * @throws IllegalArgumentException if step is zero or not finite
   */
  public static Tensor arange(double start, double stop, double step) {
    if (step == 0 || !Double.isFinite(step)) {
      throw new IllegalArgumentException("arange: step must be finite and non-zero, got " + step);
    }
    long n = Math.max(0, (long) Math.ceil((stop - start) / step));
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("arange: " + n + " elements overflow int");
    }
    double[] d = new double[(int) n];
    for (int i = 0; i < d.length; i++) {
      d[i] = start + i * step;
    }
    return new Tensor(Shape.of(d.length), d, null);
  }

  /** Independent standard normal entries from a seeded generator (F64). */
  public static Tensor randn(Shape shape, long seed) {
    return randn(shape, new SplittableRandom(seed));
  }

  /** Independent standard normal entries drawn from {@code rng} (F64). */
  public static Tensor randn(Shape shape, SplittableRandom rng) {
    double[] d = new double[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextGaussian();
    }
    return new Tensor(shape, d, null);
  }

  /** Independent uniform entries in {@code [low, high)} from a seeded generator (F64). */
  public static Tensor rand(Shape shape, double low, double high, long seed) {
    return rand(shape, low, high, new SplittableRandom(seed));
  }

  /** Independent uniform entries in {@code [low, high)} drawn from {@code rng} (F64). */
  public static Tensor rand(Shape shape, double low, double high, SplittableRandom rng) {
    if (!(low < high)) {
      throw new IllegalArgumentException("rand: need low < high, got [" + low + ", " + high + ")");
    }
    double[] d = new double[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = low + (high - low) * rng.nextDouble();
    }
    return new Tensor(shape, d, null);
  }

  // ---------------------------------------------------------------- reading

  /** The shape. */
  public Shape shape() {
    return shape;
  }

  /** The element type. */
  public DType dtype() {
    return f64 != null ? DType.F64 : DType.F32;
  }

  /** Number of elements. */
  public int size() {
    return shape.size();
  }

  /** Rank (number of dimensions). */
  public int rank() {
    return shape.rank();
  }

  /**
   * The single value of a one-element tensor.
   *
   * @throws IllegalArgumentException if the tensor has more or fewer than one element
   */
  public double item() {
    if (size() != 1) {
      throw new IllegalArgumentException(
          "item: tensor of shape " + shape + " has " + size() + " elements, not 1");
    }
    return at(0);
  }

  /**
   * The element at a multi-index.
   *
   * @throws IllegalArgumentException if the number of indices differs from the rank or an index is
   *     out of range
   */
  public double get(int... index) {
    return at(flatIndex(index));
  }

  /** The element at flat (row-major) position {@code i}. */
  public double at(int i) {
    requireLive();
    if (i < 0 || i >= size()) {
      throw new IllegalArgumentException(
          "at: flat index "
              + i
              + " out of range for shape "
              + shape
              + " ("
              + size()
              + " elements)");
    }
    return f64 != null ? f64[i] : f32[i];
  }

  /** The row-major position of a multi-index, with a readable error for bad indices. */
  public int flatIndex(int... index) {
    if (index.length != shape.rank()) {
      throw new IllegalArgumentException(
          "get: "
              + index.length
              + " indices "
              + Arrays.toString(index)
              + " for a tensor of rank "
              + shape.rank()
              + " and shape "
              + shape);
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      int d = shape.dim(i);
      if (index[i] < 0 || index[i] >= d) {
        throw new IllegalArgumentException(
            "get: index "
                + Arrays.toString(index)
                + " out of range for shape "
                + shape
                + " (dimension "
                + i
                + " has size "
                + d
                + ")");
      }
      flat = flat * d + index[i];
    }
    return flat;
  }

  /** A fresh copy of the elements as doubles, row-major. */
  public double[] toDoubleArray() {
    requireLive();
    if (f64 != null) {
      return f64.clone();
    }
    double[] d = new double[f32.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = f32[i];
    }
    return d;
  }

  /** A fresh copy of the elements as floats, row-major. */
  public float[] toFloatArray() {
    requireLive();
    if (f32 != null) {
      return f32.clone();
    }
    float[] f = new float[f64.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) f64[i];
    }
    return f;
  }

  /**
   * The elements as doubles without copying when the tensor is F64 (a converted copy for F32).
   * <b>Read only:</b> this is the hand-off to kernels; writing into it breaks the immutability the
   * tape relies on.
   */
  public double[] readF64() {
    requireLive();
    return f64 != null ? f64 : toDoubleArray();
  }

  /** The F32 backing array without copying, or null for F64. <b>Read only.</b> */
  public float[] readF32() {
    requireLive();
    return f32;
  }

  /** A copy over storage of its own: never leased from a {@link Workspace}, so it outlives one. */
  public Tensor copy() {
    requireLive();
    return f64 != null
        ? new Tensor(shape, f64.clone(), null)
        : new Tensor(shape, null, f32.clone());
  }

  /**
   * Throws when the storage was leased from a {@link Workspace} that has been closed.
   *
   * @throws IllegalStateException naming the shape and what to do instead
   */
  void requireLive() {
    // plain tensors own their storage; Leased overrides this
  }

  /**
   * The same elements in another shape with the same element count.
   *
   * @throws IllegalArgumentException if the element counts differ
   */
  public Tensor reshape(Shape newShape) {
    if (newShape.size() != size()) {
      throw new IllegalArgumentException(
          "reshape: cannot reshape "
              + shape
              + " ("
              + size()
              + " elements) to "
              + newShape
              + " ("
              + newShape.size()
              + " elements)");
    }
    return this instanceof Leased l
        ? new Leased(newShape, f64, f32, l.lease)
        : new Tensor(newShape, f64, f32);
  }

  /** Convenience for {@link #reshape(Shape)}. */
  public Tensor reshape(int... dims) {
    return reshape(Shape.of(dims));
  }

  /** This tensor converted to {@code target} (itself when already of that dtype). */
  public Tensor cast(DType target) {
    if (target == dtype()) {
      return this;
    }
    return target == DType.F64
        ? new Tensor(shape, toDoubleArray(), null)
        : new Tensor(shape, null, toFloatArray());
  }

  // ---------------------------------------------------------------- comparing

  /**
   * True when shapes are equal and {@code |a - b| <= atol + rtol * |b|} elementwise (numpy's
   * allclose); NaN equals nothing.
   */
  public boolean allClose(Tensor other, double rtol, double atol) {
    if (!shape.equals(other.shape)) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      double a = at(i);
      double b = other.at(i);
      if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) {
        return false;
      }
    }
    return true;
  }

  /** {@link #allClose(Tensor, double, double)} with numpy's defaults rtol=1e-5, atol=1e-8. */
  public boolean allClose(Tensor other) {
    return allClose(other, 1e-5, 1e-8);
  }

  /** Largest absolute elementwise difference; shapes must match. */
  public double maxAbsDiff(Tensor other) {
    if (!shape.equals(other.shape)) {
      throw new IllegalArgumentException(
          "maxAbsDiff: shapes " + shape + " and " + other.shape + " differ");
    }
    double m = 0;
    for (int i = 0; i < size(); i++) {
      m = Math.max(m, Math.abs(at(i) - other.at(i)));
    }
    return m;
  }

  /** Euclidean (Frobenius) norm of all elements. */
  public double norm() {
    double scale = 0;
    double ssq = 1;
    for (int i = 0; i < size(); i++) {
      double v = Math.abs(at(i));
      if (v > 0) {
        if (scale < v) {
          ssq = 1 + ssq * (scale / v) * (scale / v);
          scale = v;
        } else {
          ssq += (v / scale) * (v / scale);
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }

  /** True if every element is finite (no NaN or infinity). */
  public boolean isFinite() {
    for (int i = 0; i < size(); i++) {
      if (!Double.isFinite(at(i))) {
        return false;
      }
    }
    return true;
  }

  /** Value equality: same dtype, shape and bit-identical elements. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Tensor)) {
      return false;
    }
    Tensor t = (Tensor) o;
    requireLive();
    t.requireLive();
    return dtype() == t.dtype()
        && shape.equals(t.shape)
        && (f64 != null ? Arrays.equals(f64, t.f64) : Arrays.equals(f32, t.f32));
  }

  @Override
  public int hashCode() {
    requireLive();
    return 31 * shape.hashCode() + (f64 != null ? Arrays.hashCode(f64) : Arrays.hashCode(f32));
  }

  /**
   * Small tensors print their values as nested rows; large ones print shape, dtype and summary
   * statistics.
   */
  @Override
  public String toString() {
    if (this instanceof Leased l && !l.lease.isLive()) {
      return "Tensor" + shape + " " + dtype() + " (" + l.lease.note() + ")";
    }
    return TensorFormat.format(this, PRINT_LIMIT);
  }

  private static void checkLength(String op, Shape shape, int length) {
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          op
              + ": "
              + length
              + " values do not fill shape "
              + shape
              + " ("
              + shape.size()
              + " elements)");
    }
  }
}
