package org.vecgrad.viz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reverse sweep as a series of pictures: one frame per node, in the order the sweep finishes
 * them, each showing the adjoint just computed.
 *
 * <p>Tape order is topological, so when the sweep walks the tape backwards and reaches node {@code
 * i}, every node that reads {@code i} has already sent its term back: {@code i}'s adjoint is
 * complete. Frame {@code k} therefore shows the adjoints of all nodes at or after {@code i}, marks
 * node {@code i} (red border) and the edges its terms arrived along, and labels the edges along
 * which node {@code i} now sends terms to its own inputs. The first frame is the seed at the
 * output.
 */
public final class StepFrames {
  private StepFrames() {}

  /**
   * One step of the sweep.
   *
   * @param step 1-based position in the series
   * @param node the tape index whose adjoint was just computed
   * @param caption what happened, in words and numbers
   * @param model the picture at this step (later adjoints hidden)
   * @param options the options it is drawn with (backward edges, focus on {@code node})
   */
  public record Frame(int step, int node, String caption, GraphModel model, VizOptions options) {
    /** The DOT text of this frame. */
    public String dot() {
      return DotRenderer.render(model, options);
    }
  }

  /**
   * The frames of the reverse sweep recorded in {@code model}.
   *
   * @param base options for every frame; backward edges and the focus are set per frame
   * @throws IllegalArgumentException if the model has no adjoints
   */
  public static List<Frame> of(GraphModel model, VizOptions base) {
    if (!model.hasAdjoints()) {
      throw new IllegalArgumentException(
          "StepFrames.of: the model has no adjoints; build it with"
              + " GraphModel.of(tape, y, tape.backward(y).keepAll().run())");
    }
    List<VizNode> order =
        model.nodes().stream()
            .filter(n -> n.adjoint() != null)
            .sorted(Comparator.comparingInt(VizNode::index).reversed())
            .toList();
    List<Frame> frames = new ArrayList<>();
    for (VizNode n : order) {
      int at = n.index();
      GraphModel shown = model.withAdjointsWhere(i -> i >= at);
      String caption =
          "Step " + (frames.size() + 1) + " of " + order.size() + ": " + caption(model, n, base);
      VizOptions options = base.toBuilder().backward(true).adjoints(true).focus(at).build();
      frames.add(new Frame(frames.size() + 1, at, caption, shown, options));
    }
    return frames;
  }

  private static String caption(GraphModel model, VizNode n, VizOptions o) {
    int limit = o.summaryThreshold();
    String who = "#" + n.index() + " " + NodeLabel.title(n);
    String adj = NodeLabel.adjointName(n) + " = ";
    StringBuilder sb = new StringBuilder(who).append(": ");
    if (n.index() == model.output()) {
      sb.append("the sweep starts with the seed ")
          .append(adj)
          .append(ValueFormatter.text(n.adjoint(), limit));
    } else {
      List<String> terms = new ArrayList<>();
      for (VizEdge e : model.consumers(n.index())) {
        if (e.contribution() != null) {
          terms.add(
              ValueFormatter.text(e.contribution(), limit)
                  + " ("
                  + e.rule()
                  + " from #"
                  + e.to()
                  + " "
                  + model.node(e.to()).label()
                  + ")");
        }
      }
      sb.append(adj).append(String.join(" + ", terms));
      if (terms.size() != 1) {
        sb.append(" = ").append(ValueFormatter.text(n.adjoint(), limit));
      }
    }
    List<String> sends = new ArrayList<>();
    for (VizEdge e : model.inputs(n.index())) {
      if (e.contribution() != null) {
        sends.add(
            e.rule()
                + " = "
                + ValueFormatter.text(e.contribution(), limit)
                + " to #"
                + e.from()
                + " "
                + NodeLabel.title(model.node(e.from())));
      }
    }
    if (!sends.isEmpty()) {
      sb.append("; it sends back ").append(String.join(", ", sends));
    }
    return sb.append('.').toString();
  }
}
