package org.vecgrad.autodiff;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The tape's nodes in fixed-size blocks. Unlike an {@code ArrayList} it never copies what it holds
 * when it grows, so appending costs the same at the millionth node as at the first, and no single
 * huge array has to be allocated for a long tape. Read as an unmodifiable list.
 */
final class NodeList extends AbstractList<Node> implements RandomAccess {
  private static final int BITS = 12;
  private static final int BLOCK = 1 << BITS;

  private Node[][] blocks = new Node[4][];
  private int size;

  /** Appends {@code node}. */
  void append(Node node) {
    int b = size >>> BITS;
    if (b == blocks.length) {
      blocks = Arrays.copyOf(blocks, 2 * b);
    }
    if (blocks[b] == null) {
      blocks[b] = new Node[BLOCK];
    }
    blocks[b][size & (BLOCK - 1)] = node;
    size++;
  }

  /** Drops every node. */
  void drop() {
    blocks = new Node[4][];
    size = 0;
  }

  @Override
  public Node get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
    }
    return blocks[index >>> BITS][index & (BLOCK - 1)];
  }

  @Override
  public int size() {
    return size;
  }
}
