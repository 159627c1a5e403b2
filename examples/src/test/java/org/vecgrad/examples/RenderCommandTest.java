package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./vecgrad render}: writes every picture, and the DOT files committed under docs/images are
 * what the command makes today (so the pictures in the docs cannot drift from the code). It runs
 * with {@code --dot-only} to stay fast; the autodiff tests draw SVG and PNG.
 */
class RenderCommandTest {
  private static final Path DOCS = Path.of("..", "docs", "images");

  @Test
  void writesThePicturesShownInTheDocs(@TempDir Path dir) throws IOException {
    CliCapture cli = new CliCapture();
    int status = cli.run("render", "--out", dir.toString(), "--dot-only");
    String out = cli.out();
    assertEquals(0, status, out + cli.err());
    assertTrue(out.contains("Strang: F = 20.0, adjoints x̄ = 24.0, ȳ = 4.0"), out);
    List<String> bases =
        List.of(
            "strang-forward", "strang-backward", "mlp-forward", "mlp-backward", "mlp-collapsed");
    for (String base : bases) {
      assertTrue(Files.exists(dir.resolve(base + ".dot")), base);
    }
    for (String page : List.of("strang-steps.html", "mlp-steps.html")) {
      assertTrue(Files.size(dir.resolve(page)) > 1000, page);
    }
    try (Stream<Path> committed = Files.list(DOCS)) {
      List<Path> dots = committed.filter(p -> p.toString().endsWith(".dot")).sorted().toList();
      assertEquals(10, dots.size(), "5 pictures and 5 step frames committed: " + dots);
      for (Path d : dots) {
        Path fresh = dir.resolve(d.getFileName());
        assertEquals(
            Files.readString(d),
            Files.readString(fresh),
            d + " is out of date: run ./vecgrad render --out docs/images");
      }
    }
  }

  @Test
  void unknownOptionIsRejected() {
    CliCapture cli = new CliCapture();
    assertEquals(2, cli.run("render", "--outt", "x"));
    assertTrue(cli.err().contains("unknown option --outt"));
  }
}
