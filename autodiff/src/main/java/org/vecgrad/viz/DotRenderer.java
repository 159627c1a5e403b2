package org.vecgrad.viz;

import static guru.nidi.graphviz.model.Factory.mutGraph;
import static guru.nidi.graphviz.model.Factory.mutNode;

import guru.nidi.graphviz.attribute.Attributes;
import guru.nidi.graphviz.attribute.Label;
import guru.nidi.graphviz.model.Factory;
import guru.nidi.graphviz.model.Link;
import guru.nidi.graphviz.model.MutableGraph;
import guru.nidi.graphviz.model.MutableNode;
import guru.nidi.graphviz.model.Serializer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.vecgrad.tensor.Tensor;

/**
 * Turns a {@link GraphModel} into a graphviz-java {@link MutableGraph} and DOT text.
 *
 * <p>Nodes are named by tape index ({@code n7}) and written in tape order with their attributes in
 * a fixed order, so the same tape always gives the same DOT text. Scopes become clusters; collapsed
 * scopes become a single box named {@code scope_<name>}. In the backward picture each data-flow
 * edge keeps its place in the layout (so forward and backward pictures line up) but its arrow
 * points back, from the op to the input its adjoint flows into, labelled with the op's local rule.
 */
public final class DotRenderer {
  private static final String FONT = "Helvetica";
  private static final String EDGE = "#555555";
  private static final String HIGHLIGHT = "#1f6fb4";
  private static final String FOCUS = "#d62728";

  private DotRenderer() {}

  /** The DOT text of the picture. */
  public static String render(GraphModel model, VizOptions options) {
    return new Serializer().serialize(graph(model, options));
  }

  /** The picture as a graphviz-java graph, for callers that want to adjust it further. */
  public static MutableGraph graph(GraphModel model, VizOptions options) {
    MutableGraph g = mutGraph("vecgrad").setDirected(true);
    g.graphAttrs()
        .add(
            Attributes.attrs(
                Attributes.attr("rankdir", options.rankdir().name()),
                Attributes.attr("fontname", FONT),
                Attributes.attr("newrank", "true"),
                Attributes.attr("nodesep", "0.25"),
                Attributes.attr("ranksep", "0.35")));
    if (options.title() != null) {
      g.graphAttrs()
          .add(
              Attributes.attrs(
                  Label.lines(options.title().split("\n")),
                  Attributes.attr("labelloc", "t"),
                  Attributes.attr("fontsize", "14")));
    }
    g.nodeAttrs()
        .add(
            Attributes.attrs(
                Attributes.attr("shape", "box"),
                Attributes.attr("style", "rounded,filled"),
                Attributes.attr("fontname", FONT),
                Attributes.attr("fontsize", "11"),
                Attributes.attr("margin", "0.06,0.03")));
    g.linkAttrs()
        .add(
            Attributes.attrs(
                Attributes.attr("fontname", FONT),
                Attributes.attr("fontsize", "10"),
                Attributes.attr("arrowsize", "0.7"),
                Attributes.attr("color", EDGE)));

    Map<Integer, MutableNode> drawn = new LinkedHashMap<>();
    Map<String, MutableNode> collapsed = new LinkedHashMap<>();
    Map<String, MutableGraph> clusters = new LinkedHashMap<>();
    for (VizNode n : model.nodes()) {
      String box = collapsedScope(n.scope(), options);
      if (box != null) {
        drawn.put(n.index(), collapsed.computeIfAbsent(box, s -> collapsedNode(s, model, options)));
        continue;
      }
      MutableNode node = node(n, options);
      drawn.put(n.index(), node);
      if (options.clusters() && n.scope() != null) {
        clusters.computeIfAbsent(n.scope(), DotRenderer::cluster).add(node);
      } else {
        g.add(node);
      }
    }
    collapsed.values().forEach(g::add);
    clusters.values().forEach(g::add);

    // Edges go between attribute-less handles at the top level: graphviz-java declares a node in
    // the first (sub)graph from which a link reaches it, so links between the attributed nodes
    // would drag nodes into the wrong cluster and repeat edges.
    Map<String, MutableNode> handles = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (VizEdge e : model.edges()) {
      String from = drawn.get(e.from()).name().toString();
      String to = drawn.get(e.to()).name().toString();
      boolean throughBox =
          !from.equals(model.node(e.from()).id()) || !to.equals(model.node(e.to()).id());
      if (from.equals(to) || (throughBox && !seen.add(from + "->" + to))) {
        continue; // inside one collapsed scope, or a repeated edge into or out of it
      }
      MutableNode target = handles.computeIfAbsent(to, Factory::mutNode);
      handles
          .computeIfAbsent(from, Factory::mutNode)
          .addLink(edge(e, target, throughBox, model, options));
    }
    handles.values().forEach(g::add);
    return g;
  }

  private static MutableNode node(VizNode n, VizOptions o) {
    MutableNode node = mutNode(n.id());
    Double residual = o.residuals().get(n.index());
    node.add(Label.html(NodeLabel.of(n, o, residual)));
    node.add(Attributes.attr("fillcolor", fill(n.role(), residual, o)));
    if (n.index() == o.focus()) {
      node.add(Attributes.attrs(Attributes.attr("color", FOCUS), Attributes.attr("penwidth", "3")));
    } else if (o.highlight().contains(n.index())) {
      node.add(
          Attributes.attrs(
              Attributes.attr("color", HIGHLIGHT), Attributes.attr("penwidth", "2.5")));
    }
    return node;
  }

  private static Link edge(
      VizEdge e, MutableNode to, boolean throughBox, GraphModel model, VizOptions o) {
    Link link = Link.to(to);
    VizNode from = model.node(e.from());
    if (!from.isLeaf()) {
      // keep the chain of ops straight; leaves hang off it
      link = link.with(Attributes.attr("weight", "4"));
      if (o.clusters() && !Objects.equals(from.scope(), model.node(e.to()).scope())) {
        // a leaf sits one rank before its op; one spare rank between scopes lets the clusters
        // line up side by side instead of stacking into a staircase
        link = link.with(Attributes.attr("minlen", "2"));
      }
    }
    if (o.backward() && !carriesAdjoint(e, model)) {
      // no adjoint flows into data or constants: keep the edge for the layout, faintly
      link =
          link.with(
              Attributes.attrs(
                  Attributes.attr("dir", "none"),
                  Attributes.attr("style", "dashed"),
                  Attributes.attr("color", "#aaaaaa")));
    } else if (o.backward()) {
      link =
          link.with(
              Attributes.attrs(
                  Attributes.attr("dir", "back"),
                  Attributes.attr("color", NodeLabel.ADJOINT_COLOR),
                  Attributes.attr("fontcolor", NodeLabel.ADJOINT_COLOR)));
      String text = throughBox ? "" : edgeText(e, o);
      if (!text.isEmpty()) {
        link = link.with(Label.of(text));
      }
    }
    if (o.focus() >= 0 && e.from() == o.focus()) {
      // the adjoint just computed is the sum of what flowed back along these edges
      link =
          link.with(
              Attributes.attrs(
                  Attributes.attr("color", FOCUS), Attributes.attr("penwidth", "2.5")));
    } else if (o.highlight().contains(e.from()) && o.highlight().contains(e.to())) {
      link =
          link.with(
              Attributes.attrs(
                  Attributes.attr("color", HIGHLIGHT), Attributes.attr("penwidth", "2.5")));
    }
    return link;
  }

  /** False for edges out of inputs and constants, which never receive an adjoint. */
  private static boolean carriesAdjoint(VizEdge e, GraphModel model) {
    NodeRole from = model.node(e.from()).role();
    return from != NodeRole.INPUT && from != NodeRole.CONSTANT;
  }

  /** The local rule, and the scalar it sent back when known: {@code ȳ·b = 5}. */
  private static String edgeText(VizEdge e, VizOptions o) {
    Tensor c = e.contribution();
    if (c == null || !o.values() || c.size() != 1) {
      return e.rule();
    }
    String value = ValueFormatter.text(c, o.summaryThreshold());
    return e.rule().isEmpty() ? value : e.rule() + " = " + value;
  }

  /** Fill colour: by residual when one is given, else by role. */
  private static String fill(NodeRole role, Double residual, VizOptions o) {
    if (residual != null) {
      return Math.abs(residual) <= o.residualThreshold() ? "#b8e6b0" : "#f4b6b0";
    }
    return role.fill();
  }

  /** The collapsed scope that holds {@code scope} (itself or an enclosing one), or null. */
  private static String collapsedScope(String scope, VizOptions o) {
    if (scope == null) {
      return null;
    }
    for (String c : o.collapse()) {
      if (scope.equals(c) || scope.startsWith(c + "/")) {
        return c;
      }
    }
    return null;
  }

  private static MutableNode collapsedNode(String scope, GraphModel model, VizOptions o) {
    long ops =
        model.nodes().stream()
            .filter(n -> scope.equals(collapsedScope(n.scope(), o)) && n.role() == NodeRole.OP)
            .count();
    String params =
        String.join(
            ", ",
            model.nodes().stream()
                .filter(n -> scope.equals(collapsedScope(n.scope(), o)))
                .filter(n -> n.role() == NodeRole.PARAMETER && n.name() != null)
                .map(VizNode::name)
                .toList());
    String text =
        "<b>"
            + Html.escape(scope)
            + "</b><br/>"
            + "<font point-size=\"9\">"
            + ops
            + " ops"
            + (params.isEmpty() ? "" : "; " + Html.escape(params))
            + "</font>";
    return mutNode("scope_" + scope.replaceAll("[^A-Za-z0-9_]", "_"))
        .add(Label.html(text))
        .add(
            Attributes.attrs(
                Attributes.attr("shape", "box3d"),
                Attributes.attr("style", "filled"),
                Attributes.attr("fillcolor", "#f2f2e6")));
  }

  private static MutableGraph cluster(String scope) {
    MutableGraph c = mutGraph(scope).setDirected(true).setCluster(true);
    c.graphAttrs()
        .add(
            Attributes.attrs(
                Attributes.attr("label", scope),
                Attributes.attr("style", "rounded,dashed"),
                Attributes.attr("color", "#888888"),
                Attributes.attr("fontsize", "12")));
    return c;
  }
}
