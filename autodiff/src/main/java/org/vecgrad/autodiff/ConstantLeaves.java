package org.vecgrad.autodiff;

import java.util.Objects;

/**
 * The constant leaves a tape made for the last few detached values its ops used, so that a value
 * used again gets the same leaf: {@code y = y·c} in a loop records one leaf for {@code c}, not one
 * per step. The tape stays shorter, the reverse sweep visits fewer nodes, and the picture shows one
 * node for one value. A leaf is reused only within the scope it was made in, so that the picture's
 * clusters stay right.
 *
 * <p>A handful of entries, compared by identity and replaced in turn: a loop body usually uses one
 * to three constants, and a miss only costs the leaf the tape made before this cache existed.
 */
final class ConstantLeaves {
  private static final int SIZE = 4;

  private final Var[] detached = new Var[SIZE];
  private final Var[] leaves = new Var[SIZE];
  private final String[] scopes = new String[SIZE];
  private int next;

  /** The leaf made for {@code v} in {@code scope}, or null. */
  Var find(Var v, String scope) {
    for (int i = 0; i < SIZE; i++) {
      if (detached[i] == v && Objects.equals(scopes[i], scope)) {
        return leaves[i];
      }
    }
    return null;
  }

  /** Remembers that {@code leaf} stands for {@code v} in {@code scope}. */
  void remember(Var v, String scope, Var leaf) {
    detached[next] = v;
    leaves[next] = leaf;
    scopes[next] = scope;
    next = (next + 1) % SIZE;
  }
}
