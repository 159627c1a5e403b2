/**
 * Neural-network modules on top of the autodiff tape: {@link org.vecgrad.nn.Parameter}, {@link
 * org.vecgrad.nn.Module}, {@link org.vecgrad.nn.Linear} ({@code y = x·Wᵀ + b} on batch-major rows),
 * {@link org.vecgrad.nn.Activation}s, {@link org.vecgrad.nn.Sequential}, {@link org.vecgrad.nn.Mlp}
 * and the initialisers of {@link org.vecgrad.nn.Init}. Losses, optimisers, data, the training loop
 * and the file format live in the sub-packages {@code loss}, {@code optim}, {@code data}, {@code
 * train} and {@code io}; docs/nn.md is the guide.
 */
package org.vecgrad.nn;
