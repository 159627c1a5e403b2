package org.vecgrad.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.op.MatMul;
import org.vecgrad.autodiff.op.Relu;

/** The meta-test: every op class of the library has a catalogue entry. */
class OpCoverageTest {

  @Test
  void everyOpClassHasACatalogueEntry() {
    assertEquals(
        List.of(),
        OpCoverage.missing(),
        "op classes without an entry in OpCatalog (add one line there for each)");
  }

  @Test
  void theListingFindsTheOpClasses() {
    var classes = OpCoverage.opClasses();
    assertTrue(classes.contains(MatMul.class), classes::toString);
    assertTrue(classes.contains(Relu.class), classes::toString);
    // abstract helpers and package-private plumbing are not ops to cover
    assertTrue(classes.stream().noneMatch(c -> c.getSimpleName().equals("UnaryElementwise")));
    assertTrue(classes.stream().noneMatch(c -> c.getSimpleName().equals("Compute")));
    assertTrue(classes.size() >= 36, () -> "only " + classes.size() + " op classes found");
  }

  @Test
  void aClassWithoutEntryIsNamed() {
    var withoutRelu = OpCatalog.all().stream().filter(s -> s.opClass() != Relu.class).toList();
    assertEquals(List.of(Relu.class), OpCoverage.missing(OpCoverage.opClasses(), withoutRelu));
  }
}
