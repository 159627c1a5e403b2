package org.vecgrad.nn;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.vecgrad.tensor.DType;

/**
 * A multilayer perceptron {@code sizes[0] → sizes[1] → … → sizes[L]}: {@link Linear} layers named
 * {@code fc1 … fcL} with an activation ({@code act1 …}) after every layer but the last, which
 * outputs raw scores (logits) for the loss.
 *
 * <pre>{@code
 * Mlp net = Mlp.builder(784, 256, 10).activation(Activation::relu).seed(42).build();
 * }</pre>
 */
public final class Mlp extends Sequential {
  private final int[] sizes;

  private Mlp(Builder b) {
    this.sizes = b.sizes.clone();
    SplittableRandom rng = new SplittableRandom(b.seed);
    for (int i = 1; i < sizes.length; i++) {
      add("fc" + i, new Linear(sizes[i - 1], sizes[i], b.weightInit, Init.zeros(), b.dtype, rng));
      if (i < sizes.length - 1) {
        add("act" + i, b.activation.get());
      }
    }
  }

  /** A builder for layer widths {@code sizes} (input first, output last; at least two). */
  public static Builder builder(int... sizes) {
    return new Builder(sizes);
  }

  /** Layer widths, input first. */
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  protected String describe() {
    return "Mlp" + Arrays.toString(sizes);
  }

  /** Options of an {@link Mlp}; defaults: ReLU, He-normal weights, F64, seed 0. */
  public static final class Builder {
    private final int[] sizes;
    private Supplier<Activation> activation = Activation::relu;
    private Init weightInit = Init.heNormal();
    private DType dtype = DType.F64;
    private long seed;

    private Builder(int[] sizes) {
      if (sizes.length < 2) {
        throw new IllegalArgumentException(
            "Mlp: need at least input and output sizes, got " + Arrays.toString(sizes));
      }
      for (int s : sizes) {
        if (s <= 0) {
          throw new IllegalArgumentException(
              "Mlp: layer sizes must be positive, got " + Arrays.toString(sizes));
        }
      }
      this.sizes = sizes.clone();
    }

    /** The hidden activation (a fresh module per layer). */
    public Builder activation(Supplier<Activation> a) {
      this.activation = a;
      return this;
    }

    /** How weights are drawn (biases start at zero). */
    public Builder weightInit(Init init) {
      this.weightInit = init;
      return this;
    }

    /** Parameter dtype. */
    public Builder dtype(DType d) {
      this.dtype = d;
      return this;
    }

    /** Seed of the initialisation. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** The network. */
    public Mlp build() {
      return new Mlp(this);
    }
  }
}
