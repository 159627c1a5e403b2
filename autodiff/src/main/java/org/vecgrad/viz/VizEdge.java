package org.vecgrad.viz;

import org.vecgrad.tensor.Tensor;

/**
 * A data-flow edge of a {@link GraphModel}: the value of node {@code from} is input {@code slot} of
 * node {@code to}.
 *
 * @param from tape index of the producer
 * @param to tape index of the consumer (an op)
 * @param slot the input position at the consumer
 * @param rule the local backward rule that carries the consumer's adjoint back along this edge,
 *     such as {@code "ȳ·b"}; empty when the op gives none
 * @param contribution what that rule sent back along this edge in the reverse sweep (the term of
 *     the input's adjoint that comes from this consumer), or null when not computed
 */
public record VizEdge(int from, int to, int slot, String rule, Tensor contribution) {}
