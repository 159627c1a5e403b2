package org.vecgrad.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * One drawn instance of a catalogue entry: input shapes and domains, which inputs are
 * differentiated, the function (with its parameters fixed: axis, indices, exponent) and, where
 * cheap, a naive reference for the forward value.
 *
 * @param description the instance, e.g. {@code "matmul(Aᵀ·B) [3, 2] · [3, 4]"}
 * @param shapes one per input
 * @param domains one per input
 * @param wrt which inputs are differentiated
 * @param function the op applied to Vars
 * @param reference a naive form of the same value, or null
 */
public record OpCase(
    String description,
    Shape[] shapes,
    Domain[] domains,
    boolean[] wrt,
    TapeFunction function,
    TapeFunction reference) {

  /** Inputs drawn from the domains. */
  public Tensor[] inputs(DType dtype, SplittableRandom rng) {
    Tensor[] x = new Tensor[shapes.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = domains[i].sample(shapes[i], dtype, rng);
    }
    return x;
  }

  @Override
  public String toString() {
    return description + " " + Arrays.toString(shapes);
  }
}
