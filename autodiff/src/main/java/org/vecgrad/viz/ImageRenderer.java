package org.vecgrad.viz;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizException;
import guru.nidi.graphviz.engine.Rasterizer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws DOT text as SVG and PNG with Graphviz's {@code dot} program, through graphviz-java's
 * command-line engine.
 *
 * <p>DOT text needs no native tool; pictures do. Without {@code dot} (Debian package {@code
 * graphviz}) {@link #write} still writes the {@code .dot} file and says how to draw it; {@link
 * #svg} throws an {@link IllegalStateException} with the same advice.
 *
 * <p>graphviz-java keeps its engine in a static field, so every call here takes a lock, installs
 * the command-line engine and releases it when done.
 */
public final class ImageRenderer {
  private static final Object LOCK = new Object();
  private static final String OFF = "off";
  private final String searchPath;
  private final int dpi;

  private ImageRenderer(String searchPath, int dpi) {
    this.searchPath = searchPath;
    this.dpi = dpi;
  }

  /**
   * A renderer that draws nothing: {@link #write} writes only the {@code .dot} file, and pages show
   * DOT text (quick runs, machines without Graphviz by choice).
   */
  public static ImageRenderer dotOnly() {
    return new ImageRenderer(OFF, 96);
  }

  /** A renderer that finds {@code dot} on the {@code PATH}; PNGs at 96 dots per inch. */
  public static ImageRenderer onPath() {
    return new ImageRenderer(null, 96);
  }

  /** A renderer that looks for {@code dot} only in {@code dir} (tests, unusual installs). */
  public static ImageRenderer inDirectory(Path dir) {
    return new ImageRenderer(dir.toAbsolutePath().toString(), 96);
  }

  /**
   * The same renderer drawing PNGs at {@code dotsPerInch} (SVG is unaffected: it scales itself).
   *
   * @throws IllegalArgumentException unless 36 &lt;= dotsPerInch &lt;= 600
   */
  public ImageRenderer dpi(int dotsPerInch) {
    if (dotsPerInch < 36 || dotsPerInch > 600) {
      throw new IllegalArgumentException(
          "ImageRenderer.dpi: expected 36 to 600 dots per inch, got " + dotsPerInch);
    }
    return new ImageRenderer(searchPath, dotsPerInch);
  }

  /** The picture as SVG text. */
  public String svg(String dot) {
    return draw(dot, r -> r.render(Format.SVG).toString());
  }

  /** Draws the picture as a PNG file. */
  public void png(String dot, Path file) {
    // dot reads the resolution from the graph; add it here so the DOT files stay as rendered
    int open = dot.indexOf('{');
    String withDpi =
        open < 0
            ? dot
            : dot.substring(0, open + 1) + "\ngraph [dpi=" + dpi + "]" + dot.substring(open + 1);
    draw(
        withDpi,
        r -> {
          r.rasterize(Rasterizer.builtIn("png")).toFile(file.toFile());
          return null;
        });
  }

  /** True if {@code dot} can be run. */
  public boolean available() {
    try {
      svg("digraph { a }");
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /**
   * Writes {@code base.dot} and, when {@code dot} runs, {@code base.svg} and {@code base.png} into
   * {@code dir}.
   *
   * @return what was written and, when pictures could not be drawn, why and what to do
   */
  public Written write(String dot, Path dir, String base) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    Path dotFile = dir.resolve(base + ".dot");
    Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
    files.add(dotFile);
    try {
      Path svgFile = dir.resolve(base + ".svg");
      Files.writeString(svgFile, svg(dot), StandardCharsets.UTF_8);
      files.add(svgFile);
      Path pngFile = dir.resolve(base + ".png");
      png(dot, pngFile);
      files.add(pngFile);
      return new Written(files, null);
    } catch (IllegalStateException e) {
      return new Written(files, e.getMessage());
    }
  }

  /**
   * Files written by {@link #write}.
   *
   * @param files the files, .dot first
   * @param problem null when every picture was drawn, else why not and how to fix it
   */
  public record Written(List<Path> files, String problem) {}

  /** Something done with a graphviz-java renderer. */
  @FunctionalInterface
  private interface Drawing<T> {
    T apply(Graphviz graphviz) throws IOException;
  }

  private <T> T draw(String dot, Drawing<T> drawing) {
    if (OFF.equals(searchPath)) {
      throw new IllegalStateException("pictures were not requested (DOT only)");
    }
    synchronized (LOCK) {
      GraphvizCmdLineEngine engine = new GraphvizCmdLineEngine();
      if (searchPath != null) {
        engine = engine.searchPath(searchPath); // returns a configured copy
      }
      try {
        Graphviz.useEngine(engine);
        return drawing.apply(Graphviz.fromString(dot));
      } catch (GraphvizException e) {
        throw new IllegalStateException(noDot(e), e);
      } catch (IOException e) {
        throw new IllegalStateException("graphviz: could not write the picture: " + e, e);
      } finally {
        Graphviz.releaseEngine();
      }
    }
  }

  private String noDot(GraphvizException e) {
    String where = searchPath == null ? "on the PATH" : "in " + searchPath + File.separator;
    return "Graphviz 'dot' could not draw the picture ("
        + e.getMessage()
        + "); is it installed "
        + where
        + "? The .dot file is written; install Graphviz (Debian/Ubuntu: apt-get install graphviz)"
        + " or draw it with: dot -Tsvg picture.dot -o picture.svg";
  }
}
