package org.vecgrad.viz;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a picture shows and how it is laid out; immutable, made with {@link #builder()}.
 *
 * <pre>{@code
 * VizOptions o = VizOptions.builder().backward(true).rankdir(RankDir.TB).collapse("layer1").build();
 * }</pre>
 */
public final class VizOptions {
  /** Graphviz rank direction: where the data flows. */
  public enum RankDir {
    /** Left to right (inputs on the left). */
    LR,
    /** Top to bottom. */
    TB,
    /** Right to left. */
    RL,
    /** Bottom to top. */
    BT
  }

  private final boolean values;
  private final boolean adjoints;
  private final boolean backward;
  private final Set<Integer> highlight;
  private final int focus;
  private final boolean clusters;
  private final Set<String> collapse;
  private final RankDir rankdir;
  private final int summaryThreshold;
  private final Map<Integer, Double> residuals;
  private final double residualThreshold;
  private final String title;

  private VizOptions(Builder b) {
    this.values = b.values;
    this.adjoints = b.adjoints;
    this.backward = b.backward;
    this.highlight = Set.copyOf(b.highlight);
    this.focus = b.focus;
    this.clusters = b.clusters;
    this.collapse = Set.copyOf(b.collapse);
    this.rankdir = b.rankdir;
    this.summaryThreshold = b.summaryThreshold;
    this.residuals = Map.copyOf(b.residuals);
    this.residualThreshold = b.residualThreshold;
    this.title = b.title;
  }

  /** The defaults: values and adjoints shown, forward edges, clusters, left to right. */
  public static VizOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.values = values;
    b.adjoints = adjoints;
    b.backward = backward;
    b.highlight.addAll(highlight);
    b.focus = focus;
    b.clusters = clusters;
    b.collapse.addAll(collapse);
    b.rankdir = rankdir;
    b.summaryThreshold = summaryThreshold;
    b.residuals.putAll(residuals);
    b.residualThreshold = residualThreshold;
    b.title = title;
    return b;
  }

  /** Show forward values. */
  public boolean values() {
    return values;
  }

  /** Show adjoints (where the model has them). */
  public boolean adjoints() {
    return adjoints;
  }

  /** Draw the backward graph: arrows from each op to its inputs, labelled with the local rule. */
  public boolean backward() {
    return backward;
  }

  /** Tape indices drawn highlighted, with the edges between them. */
  public Set<Integer> highlight() {
    return highlight;
  }

  /** The node drawn as "just computed" in a step frame, or -1. */
  public int focus() {
    return focus;
  }

  /** Group nodes by tape scope into clusters. */
  public boolean clusters() {
    return clusters;
  }

  /** Scopes drawn as one box each (a scope collapses with the scopes nested in it). */
  public Set<String> collapse() {
    return collapse;
  }

  /** The rank direction. */
  public RankDir rankdir() {
    return rankdir;
  }

  /** Tensors with more elements than this are shown as shape, norm, min and max. */
  public int summaryThreshold() {
    return summaryThreshold;
  }

  /** Adjoint-test residual per tape index (empty: no colouring). */
  public Map<Integer, Double> residuals() {
    return residuals;
  }

  /** Residuals up to this are green, larger ones red. */
  public double residualThreshold() {
    return residualThreshold;
  }

  /** A title drawn above the graph, or null. */
  public String title() {
    return title;
  }

  /** Builds {@link VizOptions}; every setter checks its argument. */
  public static final class Builder {
    private boolean values = true;
    private boolean adjoints = true;
    private boolean backward;
    private final Set<Integer> highlight = new TreeSet<>();
    private int focus = -1;
    private boolean clusters = true;
    private final Set<String> collapse = new TreeSet<>();
    private RankDir rankdir = RankDir.LR;
    private int summaryThreshold = 16;
    private final Map<Integer, Double> residuals = new TreeMap<>();
    private double residualThreshold = 1e-8;
    private String title;

    private Builder() {}

    /** Show forward values (default on). */
    public Builder values(boolean on) {
      this.values = on;
      return this;
    }

    /** Show adjoints when the model has them (default on). */
    public Builder adjoints(boolean on) {
      this.adjoints = on;
      return this;
    }

    /** Draw the backward graph (default off). */
    public Builder backward(boolean on) {
      this.backward = on;
      return this;
    }

    /** Highlights these nodes and the edges between them, e.g. {@code model.path(0, 4)}. */
    public Builder highlight(Iterable<Integer> tapeIndices) {
      highlight.clear();
      for (Integer i : tapeIndices) {
        if (i == null || i < 0) {
          throw new IllegalArgumentException("VizOptions.highlight: bad tape index " + i);
        }
        highlight.add(i);
      }
      return this;
    }

    /** Marks one node as just computed (step frames); -1 for none. */
    public Builder focus(int tapeIndex) {
      if (tapeIndex < -1) {
        throw new IllegalArgumentException("VizOptions.focus: bad tape index " + tapeIndex);
      }
      this.focus = tapeIndex;
      return this;
    }

    /** Group nodes by scope into clusters (default on). */
    public Builder clusters(boolean on) {
      this.clusters = on;
      return this;
    }

    /** Draws each of these scopes (and the scopes nested in it) as a single box. */
    public Builder collapse(String... scopes) {
      for (String s : scopes) {
        if (s == null || s.isEmpty()) {
          throw new IllegalArgumentException("VizOptions.collapse: empty scope name");
        }
        collapse.add(s);
      }
      return this;
    }

    /** The rank direction (default {@link RankDir#LR}). */
    public Builder rankdir(RankDir dir) {
      if (dir == null) {
        throw new IllegalArgumentException("VizOptions.rankdir: null");
      }
      this.rankdir = dir;
      return this;
    }

    /** Tensors with more than {@code n} elements are summarised (default 16). */
    public Builder summaryThreshold(int n) {
      if (n < 1) {
        throw new IllegalArgumentException(
            "VizOptions.summaryThreshold: must be at least 1, got " + n);
      }
      this.summaryThreshold = n;
      return this;
    }

    /**
     * Colours nodes by an adjoint-test residual: green up to {@code threshold}, red above it.
     *
     * @param byTapeIndex residual per tape index (nodes not in the map keep their colour)
     */
    public Builder residuals(Map<Integer, Double> byTapeIndex, double threshold) {
      if (!(threshold >= 0)) {
        throw new IllegalArgumentException(
            "VizOptions.residuals: threshold must be a non-negative number, got " + threshold);
      }
      residuals.clear();
      residuals.putAll(byTapeIndex);
      this.residualThreshold = threshold;
      return this;
    }

    /** A title drawn above the graph, centred; {@code \n} breaks lines (null for none). */
    public Builder title(String text) {
      this.title = text;
      return this;
    }

    /** The options. */
    public VizOptions build() {
      return new VizOptions(this);
    }
  }
}
