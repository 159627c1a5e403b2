package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.testing.OpCatalog;
import org.vecgrad.testing.OpCoverage;
import org.vecgrad.testing.OpSpec;

/** {@code ./vecgrad check} verifies every op and prints a row per op and dtype. */
class CheckCommandTest {

  private static String run(int expectedStatus, String... args) {
    CliCapture cli = new CliCapture();
    int status = cli.run(args);
    String text = cli.out() + cli.err();
    assertEquals(expectedStatus, status, text);
    return text;
  }

  @Test
  void everyOpPassesAndIsNamedInTheTable() {
    String table = run(0, "check", "--seeds", "1");
    for (OpSpec spec : OpCatalog.all()) {
      assertTrue(table.contains(spec.name() + " "), () -> spec.name() + " missing:\n" + table);
    }
    for (var cls : OpCoverage.opClasses()) {
      assertTrue(table.contains(cls.getSimpleName()), () -> cls + " missing:\n" + table);
    }
    assertTrue(table.contains("F64") && table.contains("F32"), table);
    assertTrue(
        table.contains((OpCatalog.all().size() * 2) + " of " + (OpCatalog.all().size() * 2)));
  }

  @Test
  void oneOpOneDtype() {
    String table = run(0, "check", "--op", "matmul", "--dtype", "f64", "--seeds", "2");
    assertTrue(table.contains("matmul") && table.contains("MatMul"), table);
    assertTrue(table.contains("1 of 1"), table);
  }

  @Test
  void badOptionsAreNamed() {
    assertTrue(run(2, "check", "--op", "nosuch").contains("no entry 'nosuch'"));
    assertTrue(run(2, "check", "--dtype", "F16").contains("--dtype"));
    assertTrue(run(2, "check", "--seed", "3").contains("unknown option --seed"));
  }
}
