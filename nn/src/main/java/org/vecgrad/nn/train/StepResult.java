package org.vecgrad.nn.train;

/**
 * What one training step saw: the minibatch loss <em>before</em> the update, how many rows the
 * model classified correctly (before the update) and the batch size.
 *
 * @param loss the minibatch loss
 * @param correct rows whose arg-max score was the label
 * @param size rows in the batch
 */
public record StepResult(double loss, int correct, int size) {}
