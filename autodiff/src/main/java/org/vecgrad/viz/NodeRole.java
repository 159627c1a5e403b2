package org.vecgrad.viz;

/** What a node of the picture stands for; it decides the node's colour. */
public enum NodeRole {
  /** A variable leaf: a parameter or an input being differentiated. */
  PARAMETER,
  /** A named constant leaf: data or targets fed into the expression. */
  INPUT,
  /** An unnamed constant leaf, such as the scalar {@code c} of {@code x + c}. */
  CONSTANT,
  /** The result of an op. */
  OP,
  /** The output the picture is drawn for (the node a reverse sweep starts from). */
  OUTPUT
}
