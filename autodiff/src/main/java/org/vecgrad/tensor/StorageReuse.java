package org.vecgrad.tensor;

/**
 * Storage handed from a value to its successor: an in-place update (PyTorch's {@code p -= lr·g},
 * JAX's donated buffers) that never silently changes a tensor someone still holds.
 *
 * <pre>{@code
 * float[] y = value.readF32();                    // read the old value first
 * float[] out = StorageReuse.takeF32(value);      // its own array, or null: then allocate
 * if (out == null) out = new float[y.length];
 * for (int i = 0; i < y.length; i++) out[i] = y[i] - lr * g[i];   // element i reads y[i] only
 * Tensor next = StorageReuse.reusable(value.shape(), out);
 * }</pre>
 *
 * <p><b>The rule.</b> A tensor made by {@link #reusable} owns its array until {@link #takeF64} /
 * {@link #takeF32} takes the array for the next value. From then on the old tensor (and every
 * reshape of it) is <em>retired</em>: any read of it throws {@link IllegalStateException} naming
 * its shape and saying to {@link Tensor#copy()} a value one wants to keep, so holding a value
 * across an update fails loudly instead of showing the later numbers. Tensors that were not made by
 * {@link #reusable} (factories, op results, copies, arrays a {@link Workspace} leased) are never
 * taken: for them the take methods return null and the caller allocates. Meant for one thread at a
 * time, as a parameter is.
 *
 * <p>The optimisers use it when asked to update in place ({@code
 * ElementwiseOptimizer#updateInPlace} in the nn module): a parameter's new value is written over
 * the array of the value it replaces, which the model has just read during the forward and backward
 * passes, instead of into a new, zeroed, cache-cold array (measured in docs/benchmarks.md, "Train
 * step: fusion and memory").
 */
public final class StorageReuse {
  private static final String WHY =
      "was replaced by a later value that reused its storage (an in-place update, e.g. an"
          + " optimiser step with updateInPlace); copy() a value to keep it across updates";
  private static final String NOTE = "storage reused by a later value";

  private StorageReuse() {}

  /** A tensor over {@code data} (not copied: the caller gives up the array) that may be taken. */
  public static Tensor reusable(Shape shape, double[] data) {
    requireLength(shape, data.length);
    return new Tensor.Leased(shape, data, null, new Lease(true));
  }

  /** As {@link #reusable(Shape, double[])}, for F32 data. */
  public static Tensor reusable(Shape shape, float[] data) {
    requireLength(shape, data.length);
    return new Tensor.Leased(shape, null, data, new Lease(true));
  }

  /**
   * The array of {@code t} for its successor, retiring {@code t}; null when {@code t} was not made
   * by {@link #reusable} (then allocate). Read what you need of {@code t} first.
   *
   * @throws IllegalArgumentException if {@code t} is not F64
   * @throws IllegalStateException if {@code t} was retired already (taken, or its workspace closed)
   */
  public static double[] takeF64(Tensor t) {
    requireDtype("takeF64", t, DType.F64);
    double[] data = t.readF64(); // throws if t is retired: a value is never taken twice
    return retire(t) ? data : null;
  }

  /** As {@link #takeF64}, for an F32 tensor. */
  public static float[] takeF32(Tensor t) {
    requireDtype("takeF32", t, DType.F32);
    float[] data = t.readF32();
    return retire(t) ? data : null;
  }

  /** Retires {@code t} if it was made by {@link #reusable}; whether it was. */
  private static boolean retire(Tensor t) {
    if (t instanceof Tensor.Leased l && l.lease().passesOn()) {
      l.lease().end(WHY, NOTE);
      return true;
    }
    return false;
  }

  private static void requireDtype(String method, Tensor t, DType dtype) {
    if (t.dtype() != dtype) {
      throw new IllegalArgumentException(
          "StorageReuse." + method + ": tensor of shape " + t.shape() + " is " + t.dtype());
    }
  }

  private static void requireLength(Shape shape, int length) {
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "StorageReuse.reusable: " + length + " values for shape " + shape);
    }
  }
}
