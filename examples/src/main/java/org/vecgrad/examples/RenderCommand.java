package org.vecgrad.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.viz.DotRenderer;
import org.vecgrad.viz.GraphModel;
import org.vecgrad.viz.ImageRenderer;
import org.vecgrad.viz.StepFrames;
import org.vecgrad.viz.StepThroughHtml;
import org.vecgrad.viz.VizOptions;

/**
 * {@code ./vecgrad render --out DIR}: the teaching pictures of Strang's example and of a 2-layer
 * MLP, forward and backward, as .dot, .svg and .png, plus a step-through page of each reverse
 * sweep.
 */
final class RenderCommand implements Command {
  @Override
  public String name() {
    return "render";
  }

  @Override
  public String summary() {
    return "teaching pictures (DOT, SVG, PNG, step-through HTML) of Strang's example and an MLP";
  }

  @Override
  public String usage() {
    return "usage: ./vecgrad render [--out pictures] [--seed 7] [--dot-only]\n"
        + "  writes strang-forward, strang-backward, mlp-forward, mlp-backward, mlp-collapsed\n"
        + "  (.dot, and .svg/.png when Graphviz's dot is installed), strang-step-1 .. 5 (one\n"
        + "  picture per step of the reverse sweep) and the pages strang-steps.html and\n"
        + "  mlp-steps.html into the --out directory";
  }

  @Override
  public int run(Options options, PrintStream out) throws IOException {
    options.requireOnly(name(), Set.of("out", "seed", "dot-only"));
    Path dir = Path.of(options.get("out", "pictures"));
    long seed = options.getInt("seed", 7);
    ImageRenderer renderer =
        options.has("dot-only") ? ImageRenderer.dotOnly() : ImageRenderer.onPath().dpi(144);
    Problems problems = new Problems();

    try (Tape tape = new Tape()) {
      GraphModel m = PictureExamples.strang(tape);
      out.printf(
          "Strang: F = %s, adjoints x̄ = %s, ȳ = %s%n",
          m.node(4).value().item(), m.node(0).adjoint().item(), m.node(1).adjoint().item());
      VizOptions fwd = VizOptions.builder().adjoints(false).title("F = x²(x+y), forward").build();
      VizOptions bwd = VizOptions.builder().backward(true).title("F = x²(x+y), backward").build();
      problems.note(renderer.write(DotRenderer.render(m, fwd), dir, "strang-forward"), out);
      problems.note(renderer.write(DotRenderer.render(m, bwd), dir, "strang-backward"), out);
      List<StepFrames.Frame> frames =
          steps(
              m,
              "Strang's F = x²(x+y): the reverse sweep",
              dir.resolve("strang-steps.html"),
              renderer,
              problems,
              out);
      // the few frames of the small example also as pictures, for pages that cannot run a script
      for (StepFrames.Frame f : frames) {
        VizOptions captioned =
            f.options().toBuilder().title(f.caption().replace("; ", ";\n")).build();
        String dot = DotRenderer.render(f.model(), captioned);
        problems.note(renderer.write(dot, dir, "strang-step-" + f.step()), out);
      }
    }
    try (Tape tape = new Tape()) {
      GraphModel m = PictureExamples.mlp(tape, seed);
      out.printf("MLP 2-3-1: loss L = %s%n", m.node(m.output()).value().item());
      Function<String, VizOptions.Builder> titled = t -> VizOptions.builder().title(t);
      problems.note(
          renderer.write(
              DotRenderer.render(m, titled.apply("2-3-1 MLP, forward").adjoints(false).build()),
              dir,
              "mlp-forward"),
          out);
      problems.note(
          renderer.write(
              DotRenderer.render(m, titled.apply("2-3-1 MLP, backward").backward(true).build()),
              dir,
              "mlp-backward"),
          out);
      problems.note(
          renderer.write(
              DotRenderer.render(
                  m, titled.apply("2-3-1 MLP, layer 1 collapsed").collapse("layer1").build()),
              dir,
              "mlp-collapsed"),
          out);
      steps(
          m,
          "2-3-1 MLP: the reverse sweep",
          dir.resolve("mlp-steps.html"),
          renderer,
          problems,
          out);
    }
    if (problems.first != null) {
      out.println("note: " + problems.first);
    }
    return 0;
  }

  private static List<StepFrames.Frame> steps(
      GraphModel m,
      String title,
      Path file,
      ImageRenderer renderer,
      Problems problems,
      PrintStream out)
      throws IOException {
    List<StepFrames.Frame> frames = StepFrames.of(m, VizOptions.defaults());
    String problem = StepThroughHtml.write(frames, title, renderer, file);
    out.println("wrote " + file + " (" + frames.size() + " frames)");
    problems.remember(problem);
    return frames;
  }

  /** Prints what was written and keeps the first reason pictures were missing. */
  private static final class Problems {
    String first;

    void note(ImageRenderer.Written w, PrintStream out) {
      w.files().forEach(f -> out.println("wrote " + f));
      remember(w.problem());
    }

    void remember(String problem) {
      if (first == null && problem != null) {
        first = problem;
      }
    }
  }
}
