package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lecture example, at test size: it exits 0 only when all its claims hold. */
class ExamplesTest {
  @TempDir Path dir;

  static Iterable<String> names() {
    return ExampleCommand.EXAMPLES.stream().map(Example::name).toList();
  }

  @ParameterizedTest
  @MethodSource("names")
  void claimsHoldAndPicturesAreWritten(String name) throws Exception {
    CliCapture cli = new CliCapture();
    int status = cli.run("example", name, "--quick", "--out", dir.toString());
    String text = cli.out();
    assertEquals(0, status, text + cli.err());
    assertTrue(text.contains("claims hold"), text);
    try (var files = Files.list(dir)) {
      assertTrue(files.anyMatch(p -> p.toString().endsWith(".png")), "no picture written");
    }
  }
}
