package org.vecgrad.nn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;

/**
 * Minibatches of a dataset for stochastic gradient descent. With shuffling, epoch {@code e} visits
 * the samples in a random order drawn from {@code seed} and {@code e} alone, so a run is
 * reproducible and two epochs differ. The last batch may be smaller.
 */
public final class Minibatches {
  private final Dataset data;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;

  /**
   * Batches of {@code batchSize} rows of {@code data}.
   *
   * @throws IllegalArgumentException if the batch size is not positive
   */
  public Minibatches(Dataset data, int batchSize, boolean shuffle, long seed) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("Minibatches: batch size must be > 0, got " + batchSize);
    }
    this.data = data;
    this.batchSize = batchSize;
    this.shuffle = shuffle;
    this.seed = seed;
  }

  /** Number of batches per epoch. */
  public int count() {
    return (data.size() + batchSize - 1) / batchSize;
  }

  /** The sample indices of every batch of epoch {@code epoch}. */
  public List<int[]> indices(int epoch) {
    int n = data.size();
    int[] order;
    if (shuffle) {
      // a generator per (seed, epoch): epochs are independent of how many were run before
      SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
      order = permutation(n, rng);
    } else {
      order = new int[n];
      Arrays.setAll(order, i -> i);
    }
    List<int[]> out = new ArrayList<>(count());
    for (int start = 0; start < n; start += batchSize) {
      out.add(Arrays.copyOfRange(order, start, Math.min(n, start + batchSize)));
    }
    return out;
  }

  /** The batches of epoch {@code epoch}, built lazily in {@code dtype}. */
  public Iterable<Batch> epoch(int epoch, DType dtype) {
    List<int[]> idx = indices(epoch);
    return () ->
        new Iterator<>() {
          private int k;

          @Override
          public boolean hasNext() {
            return k < idx.size();
          }

          @Override
          public Batch next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return data.batch(idx.get(k++), dtype);
          }
        };
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
  public static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    Arrays.setAll(p, i -> i);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
