package org.vecgrad.viz;

/** What a node of the picture stands for; it decides the node's fill colour. */
public enum NodeRole {
  /** A variable leaf: a parameter or an input being differentiated (orange). */
  PARAMETER("#fde3b8"),
  /** A named constant leaf: data or targets fed into the expression (blue). */
  INPUT("#d4e5f7"),
  /** An unnamed constant leaf, such as the scalar {@code c} of {@code x + c} (grey). */
  CONSTANT("#eeeeee"),
  /** The result of an op (white). */
  OP("#ffffff"),
  /** The output the picture is drawn for, where a reverse sweep starts (lilac). */
  OUTPUT("#e3d5f5");

  private final String fill;

  NodeRole(String fill) {
    this.fill = fill;
  }

  /** The fill colour, as {@code #rrggbb}. */
  public String fill() {
    return fill;
  }
}
