package org.vecgrad.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.DType;

/**
 * Random expression graphs drawn from the catalogue pass finite differences, the adjoint identity
 * and the Taylor test. The default build checks a few thousand graphs; {@code
 * -Dvecgrad.graphs=100000} (passed to the test JVM with {@code
 * -Dtest.jvm.args=-Dvecgrad.graphs=100000}) runs the big sweep.
 */
class RandomGraphTest {
  private static final int GRAPHS = Integer.getInteger("vecgrad.graphs", 2000);

  @Test
  void seededGraphsPass() {
    int skipped = 0;
    for (int i = 0; i < GRAPHS; i++) {
      RandomGraph g = RandomGraph.of(i, 1 + i % 8, 1 + (i / 8) % 4);
      DType dtype = i % 5 == 4 ? DType.F32 : DType.F64;
      if (g.check(dtype).skipped()) {
        skipped++;
        continue;
      }
      RandomGraphs.assertPasses(g, dtype);
    }
    System.out.printf(
        "random graphs: %d checked, %d skipped (no admissible point)%n", GRAPHS - skipped, skipped);
    assertTrue(skipped < GRAPHS / 5, () -> "too many graphs without an admissible point");
  }

  @Test
  void cancellationIsNotMistakenForAWrongDerivative() {
    // logSoftmax over an axis of length 1 is identically 0: in F32 its finite differences are
    // pure round-off of larger intermediate values (found by the 10^5-graph run)
    RandomGraphs.assertPasses(RandomGraph.of(20919, 8, 2), DType.F32);
    // sub(step(…), …) of a constant: the exact derivative is 0, the reverse sweep leaves 1e-16
    RandomGraphs.assertPasses(RandomGraph.of(24855, 8, 2), DType.F64);
    // softmax of nearly equal values: a Jacobian of 1e-6 whose adjoint residual is 1e-16 / 1e-6
    RandomGraphs.assertPasses(RandomGraph.of(18391, 8, 3), DType.F64);
    // an output that is 0 up to one rounding of unit-size values
    RandomGraphs.assertPasses(RandomGraph.of(68982, 7, 3), DType.F64);
  }

  @Test
  void quickTheoriesAdapterGeneratesAndShrinks() {
    qt().withExamples(100)
        .withFixedSeed(20261122L)
        .forAll(RandomGraphs.graphs(8, 4))
        .check(g -> g.check(DType.F64).passed());
  }

  @Test
  void shrinkingFindsTheSmallestGraphThatStillFails() {
    // a stand-in for a failure: "the graph uses a matmul"
    RandomGraph big = null;
    for (long seed = 0; big == null; seed++) {
      RandomGraph g = RandomGraph.of(seed, 8, 4);
      if (g.steps().contains("matmul") && g.steps().indexOf("matmul") > 0) {
        big = g;
      }
    }
    RandomGraph small = big.shrink(g -> g.steps().contains("matmul"));
    assertEquals(big.seed(), small.seed());
    assertEquals(1, small.maxDim());
    assertTrue(small.nodes() <= big.nodes(), small::replay);
    // minimal: the last move is the first matmul, and one node fewer has none
    assertEquals("matmul", small.steps().get(small.steps().size() - 1), small::replay);
    if (small.nodes() > 1) {
      assertTrue(!RandomGraph.of(small.seed(), small.nodes() - 1, 1).steps().contains("matmul"));
    }
  }

  @Test
  void aGraphReplaysFromItsThreeNumbers() {
    RandomGraph a = RandomGraph.of(77, 6, 3);
    RandomGraph b = RandomGraph.of(77, 6, 3);
    assertEquals(a.steps(), b.steps());
    assertEquals(a.replay(), b.replay());
    // fewer nodes replay a prefix of the same choices: what shrinking relies on
    assertEquals(
        a.steps().subList(0, RandomGraph.of(77, 3, 3).steps().size()),
        RandomGraph.of(77, 3, 3).steps());
  }
}
