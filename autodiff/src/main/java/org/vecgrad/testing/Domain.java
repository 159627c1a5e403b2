package org.vecgrad.testing;

import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Where an op's input may be drawn from so that its derivative exists and the checks' steps stay
 * inside: positive for log, away from the kink for relu, without ties for max. See {@link Domains}
 * for the common ones.
 */
public interface Domain {
  /** A short name for reports. */
  String name();

  /** A random point of the domain. */
  Tensor sample(Shape shape, DType dtype, SplittableRandom rng);

  /**
   * True if a value met inside a larger graph lies safely in the domain (random graphs reject
   * points where an op sees an input near its kink). Defaults to finiteness.
   */
  default boolean admits(Tensor value) {
    return value.isFinite();
  }
}
