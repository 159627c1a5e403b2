/** The training loop: steps, evaluation, history, progress and curves. */
package org.vecgrad.nn.train;
