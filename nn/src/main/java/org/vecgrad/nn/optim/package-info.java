/** First-order optimisers, learning-rate schedules and early stopping. */
package org.vecgrad.nn.optim;
