package org.vecgrad.testing;

import java.util.SplittableRandom;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * QuickTheories generators of shapes and tensors. Every value comes from integers QuickTheories
 * draws (and shrinks towards their lower bounds), so failing cases shrink to fewer axes, smaller
 * dimensions and the seed 0. In plain seeded JUnit tests use {@link Shapes} and {@link
 * Domain#sample} with a {@link SplittableRandom} instead.
 *
 * <pre>{@code
 * qt().forAll(Generators.tensors(Generators.shapes(3, 4), Domains.POSITIVE, DType.F64))
 *     .checkAssert(x -> Checks.assertGradient(v -> sum(log(v[0])), x));
 * }</pre>
 */
public final class Generators {
  private Generators() {}

  /** Shapes of rank 0 to {@code maxRank} with dimensions 1 to {@code maxDim}. */
  public static Gen<Shape> shapes(int maxRank, int maxDim) {
    Gen<int[]> dims = Generate.intArrays(Generate.range(0, maxRank), Generate.range(1, maxDim));
    return dims.map((int[] d) -> Shape.of(d)).describedAs(Shape::toString);
  }

  /** Tensors of the given shapes with values from {@code domain}, in {@code dtype}. */
  public static Gen<Tensor> tensors(Gen<Shape> shapes, Domain domain, DType dtype) {
    return shapes
        .zip(
            Generate.longRange(0, Long.MAX_VALUE),
            (s, seed) -> domain.sample(s, dtype, new SplittableRandom(seed)))
        .describedAs(Tensor::toString);
  }

  /** Graphs of 1 to {@code maxNodes} moves on inputs of dimensions up to {@code maxDim}. */
  public static Gen<RandomGraph> graphs(int maxNodes, int maxDim) {
    return RandomGraphs.graphs(maxNodes, maxDim);
  }
}
