package org.vecgrad.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vecgrad.tensor.DType;

/**
 * The self-verification generated from the catalogue: for every entry × dtype, on instances drawn
 * with several seeds, finite differences, the adjoint identity, Taylor slopes, the naive reference
 * and shape errors ({@link CatalogCheck}). A failure message names the entry, the dtype and the
 * seed that replays it.
 */
class OpCatalogTest {
  private static final int SEEDS = 4;

  @TestFactory
  Stream<DynamicTest> everyEntryInEveryDtype() {
    return OpCatalog.all().stream()
        .flatMap(
            spec ->
                Stream.of(DType.F64, DType.F32)
                    .map(
                        dtype ->
                            DynamicTest.dynamicTest(
                                spec.name() + " " + dtype,
                                () -> {
                                  CatalogCheck.Result r = CatalogCheck.verify(spec, dtype, SEEDS);
                                  assertTrue(r.passed(), () -> String.join("\n", r.failures()));
                                })));
  }
}
