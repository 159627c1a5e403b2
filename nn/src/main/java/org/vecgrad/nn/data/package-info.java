/**
 * Datasets: IDX files, Fashion-MNIST, synthetic blobs, minibatches, splits, one-hot,
 * standardisation.
 */
package org.vecgrad.nn.data;
