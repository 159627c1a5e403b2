package org.vecgrad.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.vecgrad.autodiff.Op;
import org.vecgrad.check.Tolerances;
import org.vecgrad.tensor.DType;

/**
 * A catalogue entry (JAX's {@code GradTestSpec}): how to test one op or composite.
 *
 * @param name the entry's name, e.g. {@code "matmul"} or {@code "softmax"}
 * @param opClass the primitive class it covers, or null for a composite of primitives
 * @param sampler draws instances (shapes, parameters, domains)
 * @param bad draws inputs the op must reject, or null for composites without their own check
 * @param move how the entry joins random expression graphs, or null
 * @param looseness factor on the dtype's error tolerances (1 for most ops)
 * @param roundsToF32 true if the value passes through F32 whatever the input dtype (casts), so F32
 *     tolerances apply
 */
public record OpSpec(
    String name,
    Class<? extends Op> opClass,
    Function<SplittableRandom, OpCase> sampler,
    Function<SplittableRandom, BadCase> bad,
    GraphMove move,
    double looseness,
    boolean roundsToF32) {

  /** A random instance. */
  public OpCase sample(SplittableRandom rng) {
    return sampler.apply(rng);
  }

  /** The tolerances of this entry for a dtype (all of them come from {@link Tolerances}). */
  public Tolerances tolerances(DType dtype) {
    Tolerances t = Tolerances.of(roundsToF32 ? DType.F32 : dtype);
    return looseness == 1 ? t : t.loosened(looseness);
  }

  @Override
  public String toString() {
    return name + (opClass == null ? " (composite)" : " (" + opClass.getSimpleName() + ")");
  }
}
