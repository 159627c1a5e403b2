package org.vecgrad.testing;

import static org.quicktheories.QuickTheory.qt;
import static org.vecgrad.autodiff.Ops.log;
import static org.vecgrad.autodiff.Ops.sum;

import org.junit.jupiter.api.Test;
import org.vecgrad.check.Checks;
import org.vecgrad.tensor.DType;

/** The QuickTheories generators drive the checks like any property. */
class GeneratorsTest {

  @Test
  void logOnPositiveTensorsOfRandomShapes() {
    qt().withExamples(60)
        .withFixedSeed(4)
        .forAll(Generators.tensors(Generators.shapes(3, 3), Domains.POSITIVE, DType.F64))
        .checkAssert(x -> Checks.assertGradient(v -> sum(log(v[0])), x));
  }

  @Test
  void shapesStayInBounds() {
    qt().withExamples(200)
        .withFixedSeed(5)
        .forAll(Generators.shapes(3, 4))
        .check(
            s ->
                s.rank() <= 3 && java.util.Arrays.stream(s.dims()).allMatch(d -> d >= 1 && d <= 4));
  }
}
