package org.vecgrad.testing;

import java.util.SplittableRandom;
import org.vecgrad.autodiff.Var;

/**
 * How a catalogue entry adds a node to a random expression graph. A move chooses its arguments
 * among the graph's nodes by their <b>shapes only</b> (never their values), so that replaying the
 * same random choices at a perturbed point builds the same graph; it declares the domains its
 * arguments must lie in with {@link GraphContext#require}.
 */
@FunctionalInterface
public interface GraphMove {
  /** The new node, or null if the entry does not apply to the shapes at hand. */
  Var apply(GraphContext graph, SplittableRandom rng);
}
