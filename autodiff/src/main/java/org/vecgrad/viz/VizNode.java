package org.vecgrad.viz;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * One node of a {@link GraphModel}: a tape node with what a picture shows of it.
 *
 * @param index the tape index, the node's stable id
 * @param role parameter, input, constant, op or output
 * @param name the display name given on the tape, or null
 * @param label the op label ({@code "matmul"}, {@code "sum(axis=1)"}), or the leaf kind
 * @param shape the shape of the value
 * @param scope the tape scope ({@code "layer1"}), or null
 * @param value the forward value
 * @param adjoint the cotangent reached in the reverse sweep, or null (none, or not computed)
 */
public record VizNode(
    int index,
    NodeRole role,
    String name,
    String label,
    Shape shape,
    String scope,
    Tensor value,
    Tensor adjoint) {

  /** The DOT id: {@code n} followed by the tape index, stable from run to run. */
  public String id() {
    return "n" + index;
  }

  /** True for leaves (parameters, inputs, constants). */
  public boolean isLeaf() {
    return role == NodeRole.PARAMETER || role == NodeRole.INPUT || role == NodeRole.CONSTANT;
  }

  /** The same node showing {@code newAdjoint} instead (null hides it). */
  public VizNode withAdjoint(Tensor newAdjoint) {
    return new VizNode(index, role, name, label, shape, scope, value, newAdjoint);
  }
}
