package org.vecgrad.viz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One self-contained HTML page that steps through {@link StepFrames}: every frame's SVG inline,
 * previous/next buttons and the arrow keys, no script or style from the network, so it works
 * offline in a classroom.
 *
 * <p>Without Graphviz's {@code dot} the page shows each frame's DOT text instead of its picture,
 * with a note saying how to get the pictures.
 */
public final class StepThroughHtml {
  private StepThroughHtml() {}

  /**
   * Writes the page for {@code frames} to {@code file}.
   *
   * @return null when every frame was drawn, else why not (the page then shows DOT text)
   */
  public static String write(
      List<StepFrames.Frame> frames, String title, ImageRenderer renderer, Path file)
      throws IOException {
    String problem = null;
    StringBuilder body = new StringBuilder();
    for (StepFrames.Frame f : frames) {
      String dot = f.dot();
      String picture;
      if (problem == null) {
        try {
          picture = inlineSvg(renderer.svg(dot));
        } catch (IllegalStateException e) {
          problem = e.getMessage();
          picture = pre(dot);
        }
      } else {
        picture = pre(dot);
      }
      body.append("<section class=\"frame\" id=\"f")
          .append(f.step())
          .append("\">\n<p class=\"caption\">")
          .append(Html.escape(f.caption()))
          .append("</p>\n<div class=\"pic\">")
          .append(picture)
          .append("</div>\n</section>\n");
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file, page(title, frames.size(), body.toString(), problem), StandardCharsets.UTF_8);
    return problem;
  }

  /** The page around the frames. */
  static String page(String title, int count, String frames, String problem) {
    String note =
        problem == null
            ? ""
            : "<p class=\"note\">Pictures unavailable: " + Html.escape(problem) + "</p>\n";
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
        + Html.escape(title)
        + "</title>\n<style>\n"
        + "body{font-family:Helvetica,Arial,sans-serif;margin:1.5em;color:#222}\n"
        + "nav{margin:.8em 0;display:flex;gap:.8em;align-items:center}\n"
        + "button{font-size:1.1em;padding:.3em .9em}\n"
        + ".frame{display:none}.frame.on{display:block}\n"
        + ".caption{font-size:1.15em;min-height:2.6em;max-width:60em}\n"
        + ".pic svg{width:100%;height:auto;max-height:78vh}\n"
        + ".note{color:#b03a2e}pre{background:#f6f6f6;padding:1em;overflow:auto}\n"
        + "</style>\n</head>\n<body>\n<h1>"
        + Html.escape(title)
        + "</h1>\n"
        + note
        + "<nav><button id=\"prev\">&#9664; previous</button><span id=\"pos\"></span>"
        + "<button id=\"next\">next &#9654;</button>"
        + "<span class=\"hint\">(or the arrow keys)</span></nav>\n"
        + frames
        + "<script>\n"
        + "const frames=document.querySelectorAll('.frame');let at=0;\n"
        + "function show(i){at=Math.max(0,Math.min(frames.length-1,i));"
        + "frames.forEach((f,k)=>f.classList.toggle('on',k===at));"
        + "document.getElementById('pos').textContent=(at+1)+' / '+frames.length;}\n"
        + "document.getElementById('prev').onclick=()=>show(at-1);\n"
        + "document.getElementById('next').onclick=()=>show(at+1);\n"
        + "document.addEventListener('keydown',e=>{if(e.key==='ArrowLeft')show(at-1);"
        + "if(e.key==='ArrowRight')show(at+1);});\n"
        + "show(0);\n</script>\n<!-- "
        + count
        + " frames -->\n</body>\n</html>\n";
  }

  /**
   * The {@code <svg>} element alone, for inlining: the XML prolog and DOCTYPE are dropped, and the
   * namespace declarations too (HTML5 knows inline SVG), so the page names no web address at all.
   */
  static String inlineSvg(String svg) {
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new IllegalArgumentException("StepThroughHtml: not an SVG document");
    }
    return svg.substring(start).replaceAll("\\s+xmlns(:\\w+)?=\"[^\"]*\"", "");
  }

  private static String pre(String dot) {
    return "<pre>" + Html.escape(dot) + "</pre>";
  }
}
