package org.vecgrad.testing;

import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.vecgrad.tensor.DType;

/**
 * Random graphs for property-based tests: a QuickTheories generator (which shrinks a failing graph
 * towards fewer nodes and smaller shapes) and an assertion usable from plain seeded JUnit tests.
 *
 * <pre>{@code
 * qt().withExamples(500).forAll(RandomGraphs.graphs(8, 4))
 *     .checkAssert(g -> RandomGraphs.assertPasses(g, DType.F64));
 * }</pre>
 */
public final class RandomGraphs {
  private RandomGraphs() {}

  /** Graphs of 1 to {@code maxNodes} moves on inputs of dimensions up to {@code maxDim}. */
  public static Gen<RandomGraph> graphs(int maxNodes, int maxDim) {
    return Generate.longRange(0, Long.MAX_VALUE)
        .zip(
            Generate.range(1, maxNodes),
            Generate.range(1, maxDim),
            (seed, n, d) -> RandomGraph.of(seed, n, d))
        .describedAs(RandomGraph::replay);
  }

  /**
   * Checks a graph; on failure shrinks it and throws an {@link AssertionError} naming the smallest
   * failing graph, how to replay it and the failed report.
   */
  public static void assertPasses(RandomGraph graph, DType dtype) {
    RandomGraph.Outcome o = graph.check(dtype);
    if (o.passed()) {
      return;
    }
    RandomGraph small = graph.shrink(dtype);
    RandomGraph.Outcome s = small.check(dtype);
    throw new AssertionError(
        "random graph failed in "
            + dtype
            + ": "
            + small.replay()
            + (small.equals(graph) ? "" : " (shrunk from " + graph.replay() + ")")
            + "\nreplay: RandomGraphs.assertPasses(RandomGraph.of("
            + small.seed()
            + ", "
            + small.nodes()
            + ", "
            + small.maxDim()
            + "), DType."
            + dtype
            + ")\n"
            + (s.passed() ? o.failure() : s.failure()));
  }
}
