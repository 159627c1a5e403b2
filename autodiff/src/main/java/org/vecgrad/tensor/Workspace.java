package org.vecgrad.tensor;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope whose op results share recycled storage: the buffer-ownership rule that lets a training
 * step allocate little.
 *
 * <pre>{@code
 * for (Batch batch : batches) {
 *   try (Workspace ws = Workspace.open(); Tape tape = new Tape()) {
 *     ... forward, tape.grad(...), optimiser step; keep only numbers or copies ...
 *   }   // the step's activations, adjoints and gradients go back to this thread's pool
 * }
 * }</pre>
 *
 * <p><b>The rule.</b> While a workspace is open on a thread, the results that ops and sweeps make
 * on that thread (their new arrays of at least {@link #MIN_ELEMENTS} elements) are leased from the
 * thread's pool; {@link #close()} hands them all back, and the next workspace reuses them instead
 * of asking the JVM for new, zeroed, cache-cold memory (PyTorch's caching allocator does the same
 * from reference counts; Java has none, so the scope is explicit). A tensor over leased storage
 * belongs to the workspace: once it is closed, reading the tensor throws {@link
 * IllegalStateException} naming its shape, so a value kept too long fails loudly instead of showing
 * the next step's numbers. To keep a result, {@link Tensor#copy()} it inside the scope. Tensors
 * made outside ops (factories such as {@link Tensor#of}, {@link Tensor#wrap} of your own array,
 * copies) and values the optimisers write are never leased, and small results (scalars, short
 * vectors) are always fresh: for them the JVM's allocation is cheaper than the bookkeeping.
 *
 * <p>Workspaces nest (the innermost one leases) and belong to the thread that opened them: close
 * them on that thread, innermost first, with try-with-resources (one left open keeps every later
 * result of its thread leased, and so reachable, until it is closed). Work that kernels split over
 * helper threads is not affected (the calling thread makes the result arrays). The pool keeps at
 * most {@code -Dvecgrad.workspace.retainMB} (default 256) MiB of free arrays per thread.
 *
 * <p>Measured (the 784-256-256-10 MLP step, one thread, in-process A/B with and without): see
 * docs/benchmarks.md, "Train step: fusion and memory".
 */
public final class Workspace implements AutoCloseable {
  /** Results shorter than this are never leased. */
  public static final int MIN_ELEMENTS = 1024;

  private static final long RETAIN_BYTES = Long.getLong("vecgrad.workspace.retainMB", 256) << 20;

  private static final ThreadLocal<Pool> POOL = ThreadLocal.withInitial(Pool::new);

  private final Pool pool;
  private final Workspace parent;
  private final Thread thread = Thread.currentThread();
  private final List<Object> leased = new ArrayList<>();
  private final Lease lease = new Lease(false);
  private long recycledArrays;
  private long freshArrays;
  private boolean closed;

  private Workspace(Pool pool, Workspace parent) {
    this.pool = pool;
    this.parent = parent;
  }

  /** Opens a workspace on the current thread; results of ops on this thread lease from it. */
  public static Workspace open() {
    Pool pool = POOL.get();
    Workspace ws = new Workspace(pool, pool.current);
    pool.current = ws;
    return ws;
  }

  /**
   * Hands every array leased in this scope back to the thread's pool; the tensors over them can no
   * longer be read. Closing twice does nothing.
   *
   * @throws IllegalStateException on another thread, or while a workspace opened inside this one is
   *     still open
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != thread) {
      throw new IllegalStateException(
          "Workspace.close: opened on thread "
              + thread.getName()
              + ", closed on "
              + Thread.currentThread().getName());
    }
    if (pool.current != this) {
      throw new IllegalStateException(
          "Workspace.close: a workspace opened inside this one is still open; close it first");
    }
    closed = true;
    lease.end(
        "was computed inside a Workspace that has been closed, and its storage now holds other"
            + " results; copy() it inside the workspace to keep it",
        "storage handed back by a closed Workspace");
    pool.current = parent;
    for (Object array : leased) {
      pool.owners.remove(array);
      pool.giveBack(array);
    }
    leased.clear();
  }

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    return closed;
  }

  /** Arrays this scope has leased that came from the pool (reused), so far. */
  public long recycledArrays() {
    return recycledArrays;
  }

  /** Arrays this scope has leased that the pool did not have (newly allocated), so far. */
  public long freshArrays() {
    return freshArrays;
  }

  // ------------------------------------------------------------------ storage for kernels and ops

  /**
   * A zeroed array of {@code n} doubles for a new result: leased from the open workspace (zeroed
   * again if reused), else new.
   */
  public static double[] newF64(int n) {
    return (double[]) lease(DType.F64, n, true);
  }

  /** As {@link #newF64}, for a caller that writes every element: a reused array is not zeroed. */
  public static double[] newF64ForOverwrite(int n) {
    return (double[]) lease(DType.F64, n, false);
  }

  /** A zeroed array of {@code n} floats for a new result (see {@link #newF64}). */
  public static float[] newF32(int n) {
    return (float[]) lease(DType.F32, n, true);
  }

  /** As {@link #newF32}, for a caller that writes every element. */
  public static float[] newF32ForOverwrite(int n) {
    return (float[]) lease(DType.F32, n, false);
  }

  private static Object lease(DType dtype, int n, boolean zeroed) {
    if (n < MIN_ELEMENTS) {
      return allocate(dtype, n);
    }
    Pool pool = POOL.get();
    Workspace ws = pool.current;
    if (ws == null) {
      return allocate(dtype, n);
    }
    Object array = pool.take(dtype, n);
    if (array == null) {
      array = allocate(dtype, n);
      ws.freshArrays++;
    } else {
      ws.recycledArrays++;
      if (zeroed) {
        if (array instanceof double[] d) {
          Arrays.fill(d, 0);
        } else {
          Arrays.fill((float[]) array, 0);
        }
      }
    }
    ws.leased.add(array);
    pool.owners.put(array, ws);
    return array;
  }

  private static Object allocate(DType dtype, int n) {
    return dtype == DType.F64 ? new double[n] : new float[n];
  }

  /** The open workspace that leased {@code array} on this thread, or null. */
  static Workspace ownerOf(Object array) {
    Pool pool = POOL.get();
    return pool.current == null ? null : pool.owners.get(array);
  }

  /** The lease of every tensor over this workspace's arrays: ended by {@link #close()}. */
  Lease lease() {
    return lease;
  }

  /** One thread's free arrays, by dtype and length, and the leases of its open workspaces. */
  private static final class Pool {
    final Int2ObjectOpenHashMap<ArrayDeque<double[]>> freeF64 = new Int2ObjectOpenHashMap<>();
    final Int2ObjectOpenHashMap<ArrayDeque<float[]>> freeF32 = new Int2ObjectOpenHashMap<>();
    final Map<Object, Workspace> owners = new IdentityHashMap<>();
    long freeBytes;
    Workspace current;

    Object take(DType dtype, int n) {
      ArrayDeque<?> free = dtype == DType.F64 ? freeF64.get(n) : freeF32.get(n);
      Object array = free == null ? null : free.pollLast();
      if (array != null) {
        freeBytes -= bytes(array);
      }
      return array;
    }

    void giveBack(Object array) {
      long size = bytes(array);
      if (freeBytes + size > RETAIN_BYTES) {
        return; // left to the collector
      }
      freeBytes += size;
      if (array instanceof double[] d) {
        freeF64.computeIfAbsent(d.length, k -> new ArrayDeque<>()).addLast(d);
      } else {
        float[] f = (float[]) array;
        freeF32.computeIfAbsent(f.length, k -> new ArrayDeque<>()).addLast(f);
      }
    }

    private static long bytes(Object array) {
      return array instanceof double[] d ? 8L * d.length : 4L * ((float[]) array).length;
    }
  }
}
