package org.vecgrad.nn.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.vecgrad.kernel.Simd;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.StorageReuse;
import org.vecgrad.tensor.Tensor;

/**
 * Base of optimisers whose update acts on each scalar independently, {@code θᵢ ← f(θᵢ, gᵢ,
 * stateᵢ)}. It checks the inputs, keeps per-parameter state buffers (in double precision whatever
 * the parameter dtype, so F32 training does not accumulate rounding in the moments), and replaces
 * each parameter by a new tensor of its own dtype.
 *
 * <p>An F32 parameter is updated in chunks through two reused double buffers: the step then
 * allocates only the new float array, not double copies of the parameter and its gradient.
 *
 * <p><b>New values or in place.</b> By default each step gives each parameter a new tensor and the
 * old value stays valid forever (tensors are immutable: keeping {@code p.value()} is a snapshot).
 * {@link #updateInPlace(boolean) updateInPlace(true)} writes the new value over the array of the
 * value it replaces, as PyTorch's optimisers do, through {@link StorageReuse}: no new array per
 * step, and the array is the one the forward and backward passes have just read, still in cache
 * (the MLP train step of the benchmarks runs about 1.1–1.2× faster at batch 32). The replaced value
 * is then <em>retired</em>: reading a {@code p.value()} kept from before a step throws {@link
 * IllegalStateException} (copy() it to keep it) instead of silently showing the new numbers. The
 * first in-place step still allocates once, since a parameter's initial tensor may be shared.
 */
public abstract class ElementwiseOptimizer implements Optimizer {
  /**
   * The vector shape of the SIMD updates of subclasses (the platform's preferred one, as in the
   * kernels); a subclass uses it only while {@link Simd#enabled()}, with its scalar loop as the
   * tail.
   */
  protected static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_PREFERRED;

  /** Elements per chunk of an F32 update: the scratch buffers stay in L1/L2. */
  private static final int CHUNK = 2048;

  private final Map<Parameter, double[][]> state = new IdentityHashMap<>();
  private final double[] thetaChunk = new double[CHUNK];
  private final double[] gradChunk = new double[CHUNK];
  private double lr;
  private long steps;
  private boolean inPlace;

  /** An optimiser with learning rate {@code lr}. */
  protected ElementwiseOptimizer(double lr) {
    setLearningRate(lr);
  }

  /**
   * Whether later steps write each new value over the storage of the value it replaces (see the
   * class comment: a value kept from before such a step then throws when read).
   *
   * @return this optimiser
   */
  public ElementwiseOptimizer updateInPlace(boolean on) {
    this.inPlace = on;
    return this;
  }

  /** Whether steps update parameters in place ({@link #updateInPlace}). */
  public boolean updatesInPlace() {
    return inPlace;
  }

  /**
   * Storage for the new value of a parameter currently holding {@code value}: the value's own array
   * when updating in place and it may be taken (which retires {@code value}: read it first), else a
   * new array. Wrap the result with {@link #newValue(Tensor, double[])}.
   */
  protected final double[] storageF64(Tensor value) {
    double[] own = inPlace ? StorageReuse.takeF64(value) : null;
    return own != null ? own : new double[value.size()];
  }

  /** As {@link #storageF64}, for an F32 parameter. */
  protected final float[] storageF32(Tensor value) {
    float[] own = inPlace ? StorageReuse.takeF32(value) : null;
    return own != null ? own : new float[value.size()];
  }

  /** The new value over {@code data}, which a later in-place step may take. */
  protected final Tensor newValue(Tensor old, double[] data) {
    return inPlace ? StorageReuse.reusable(old.shape(), data) : Tensor.wrap(old.shape(), data);
  }

  /** As {@link #newValue(Tensor, double[])}, for F32 data. */
  protected final Tensor newValue(Tensor old, float[] data) {
    return inPlace ? StorageReuse.reusable(old.shape(), data) : Tensor.wrap(old.shape(), data);
  }

  /** Number of state buffers per parameter (0 for SGD, 1 for momentum, 2 for Adam). */
  protected abstract int stateBuffers();

  /**
   * Updates {@code theta[0, n)} in place from {@code g[0, n)}: elements {@code offset} to {@code
   * offset + n} of the parameter (a whole F64 parameter, or one chunk of an F32 one).
   *
   * @param theta the parameter's values (a private copy), to overwrite with the new values
   * @param g the gradient (read only)
   * @param n how many elements to update
   * @param state this parameter's buffers, indexed from {@code offset}; zero at the first step
   * @param offset where {@code theta[0]} sits in the parameter (and in {@code state})
   * @param t the step number, 1 at the first step
   */
  protected abstract void update(
      double[] theta, double[] g, int n, double[][] state, int offset, long t);

  @Override
  public final void step(List<Parameter> params, List<Tensor> grads) {
    if (params.size() != grads.size()) {
      throw new IllegalArgumentException(
          name() + ".step: " + params.size() + " parameters but " + grads.size() + " gradients");
    }
    for (int i = 0; i < params.size(); i++) {
      Tensor v = params.get(i).value();
      Tensor g = grads.get(i);
      if (g == null || !g.shape().equals(v.shape())) {
        throw new IllegalArgumentException(
            name()
                + ".step: gradient "
                + i
                + " has shape "
                + (g == null ? "null" : g.shape())
                + ", "
                + params.get(i)
                + " needs "
                + v.shape());
      }
    }
    steps++;
    for (int i = 0; i < params.size(); i++) {
      Parameter p = params.get(i);
      Tensor value = p.value();
      Tensor direct = stepDirect(value, grads.get(i));
      if (direct != null) {
        p.set(direct);
        continue;
      }
      double[][] s = state.computeIfAbsent(p, k -> new double[stateBuffers()][value.size()]);
      p.set(
          value.dtype() == DType.F64
              ? stepF64(value, grads.get(i), s)
              : stepInChunks(value, grads.get(i), s));
    }
  }

  /**
   * The new value computed in one pass in the parameter's own dtype, for a rule simple enough to
   * need neither state nor double-precision intermediates; null (the default) takes the general
   * path through {@link #update}. Called after the step counter has advanced.
   */
  protected Tensor stepDirect(Tensor value, Tensor grad) {
    return null;
  }

  private Tensor stepF64(Tensor value, Tensor grad, double[][] s) {
    double[] old = value.readF64();
    double[] theta = storageF64(value); // the old array when in place, else a new one
    if (theta != old) {
      System.arraycopy(old, 0, theta, 0, old.length); // the old value stays intact
    }
    update(theta, grad.readF64(), theta.length, s, 0, steps);
    return newValue(value, theta);
  }

  private Tensor stepInChunks(Tensor value, Tensor grad, double[][] s) {
    float[] old = value.readF32(); // only read: each chunk is copied out before it is written
    float[] g = grad.dtype() == DType.F32 ? grad.readF32() : grad.toFloatArray();
    float[] theta = storageF32(value); // the new value (the old array when in place)
    for (int from = 0; from < theta.length; from += CHUNK) {
      int n = Math.min(CHUNK, theta.length - from);
      for (int i = 0; i < n; i++) {
        thetaChunk[i] = old[from + i];
        gradChunk[i] = g[from + i];
      }
      update(thetaChunk, gradChunk, n, s, from, steps);
      for (int i = 0; i < n; i++) {
        theta[from + i] = (float) thetaChunk[i];
      }
    }
    return newValue(value, theta);
  }

  @Override
  public double learningRate() {
    return lr;
  }

  @Override
  public void setLearningRate(double lr) {
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException(name() + ": learning rate must be > 0, got " + lr);
    }
    this.lr = lr;
  }

  /** Steps taken so far. */
  public long steps() {
    return steps;
  }

  static void requireInUnit(String opt, String what, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new IllegalArgumentException(opt + ": " + what + " must be in [0, 1), got " + v);
    }
  }
}
