package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRendererTest {

  @Test
  void withoutDotTheDotFileIsKeptWithAdvice(@TempDir Path dir) throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-graphviz"));
    ImageRenderer none = ImageRenderer.inDirectory(empty);
    assertFalse(none.available());
    ImageRenderer.Written w = none.write(StrangGoldenTest.strangDot(), dir, "strang");
    assertEquals(List.of(dir.resolve("strang.dot")), w.files());
    assertEquals(StrangGoldenTest.strangDot(), Files.readString(dir.resolve("strang.dot")));
    assertFalse(Files.exists(dir.resolve("strang.svg")));
    assertTrue(w.problem().contains("Graphviz 'dot'"), w.problem());
    assertTrue(w.problem().contains("apt-get install graphviz"), w.problem());
    assertTrue(w.problem().contains(empty.toString()), "says where it looked: " + w.problem());
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> none.svg("digraph{a}"));
    assertTrue(e.getMessage().contains("dot -Tsvg"), e.getMessage());
  }

  @Test
  void pngResolutionIsChecked() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageRenderer.onPath().dpi(5));
    assertTrue(e.getMessage().contains("got 5"), e.getMessage());
  }
}
