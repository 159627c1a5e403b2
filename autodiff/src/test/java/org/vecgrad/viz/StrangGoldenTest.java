package org.vecgrad.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vecgrad.autodiff.Tape;

/**
 * The golden picture: Strang's F = x²(x+y) at (2, 3), backward, with values and adjoints.
 *
 * <p>The DOT text must equal {@code src/test/resources/org/vecgrad/viz/strang-backward.dot}. After
 * an intended change of the pictures, regenerate it with {@code -Dvecgrad.updateGolden=true} and
 * look at the diff before committing.
 */
class StrangGoldenTest {
  private static final String GOLDEN = "strang-backward.dot";

  static String strangDot() {
    try (Tape tape = new Tape()) {
      GraphModel m = Fixtures.strang(tape);
      return DotRenderer.render(m, VizOptions.builder().backward(true).build());
    }
  }

  @Test
  void dotHoldsValueAndAdjointsUnderStableIds() {
    String dot = strangDot();
    // value row of the output, adjoint rows of the two inputs (HTML-like label cells)
    assertRow(dot, "n4", "F =", "20");
    assertRow(dot, "n0", "x\u0304 =", "24");
    assertRow(dot, "n1", "y\u0304 =", "4");
    for (int i = 0; i < 5; i++) {
      assertTrue(dot.contains("\"n" + i + "\" ["), "node n" + i + " declared:\n" + dot);
    }
    assertTrue(dot.contains("\"n0\" -> \"n2\""), "edge x -> square:\n" + dot);
    assertTrue(dot.contains("2x·ȳ = 20"), "square's rule and the term it sends to x:\n" + dot);
  }

  @Test
  void dotEqualsGoldenFile() throws IOException {
    String dot = strangDot();
    if (Boolean.getBoolean("vecgrad.updateGolden")) {
      Path file = Path.of("src/test/resources/org/vecgrad/viz", GOLDEN);
      Files.writeString(file, dot, StandardCharsets.UTF_8);
      System.out.println("updated " + file.toAbsolutePath());
    }
    String golden;
    try (InputStream in = StrangGoldenTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null) {
        fail("golden file " + GOLDEN + " missing; run once with -Dvecgrad.updateGolden=true");
      }
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!golden.equals(dot)) {
      fail("DOT differs from the golden file " + GOLDEN + ":\n" + diff(golden, dot));
    }
  }

  @Test
  void svgRendersWhenDotIsInstalled(@TempDir Path dir) throws IOException {
    ImageRenderer renderer = ImageRenderer.onPath();
    ImageRenderer.Written w = renderer.write(strangDot(), dir, "strang");
    if (!renderer.available()) {
      // CI installs Graphviz (.ci/run); without it the DOT must still be there, with advice
      assertEquals(List.of(dir.resolve("strang.dot")), w.files());
      assertTrue(w.problem().contains("apt-get install graphviz"), w.problem());
      System.out.println("StrangGoldenTest: dot not installed, SVG not checked: " + w.problem());
      return;
    }
    assertEquals(null, w.problem());
    String svg = Files.readString(dir.resolve("strang.svg"));
    assertTrue(svg.contains("<svg"), svg);
    for (String text : List.of(">20<", ">24<", ">4<", "2x·ȳ = 20")) {
      assertTrue(svg.contains(text), "SVG shows " + text + ":\n" + svg);
    }
    byte[] png = Files.readAllBytes(dir.resolve("strang.png"));
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
  }

  private static void assertRow(String dot, String id, String name, String value) {
    Pattern p =
        Pattern.compile(
            "\""
                + id
                + "\" \\[\"label\"=<[^\\n]*"
                + Pattern.quote(name)
                + "(</font>)?</td>"
                + "<td align=\"left\">(<font[^>]*>)?"
                + Pattern.quote(value)
                + "(</font>)?</td>");
    assertTrue(p.matcher(dot).find(), id + " shows " + name + " " + value + ":\n" + dot);
  }

  /** The differing lines, numbered, for a readable failure. */
  static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<missing>";
      String y = i < b.length ? b[i] : "<missing>";
      if (!x.equals(y)) {
        sb.append("line ")
            .append(i + 1)
            .append(":\n- ")
            .append(x)
            .append("\n+ ")
            .append(y)
            .append('\n');
      }
    }
    return sb.toString();
  }
}
