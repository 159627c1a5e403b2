/**
 * Loops over primitive arrays: elementwise maps with broadcasting, reductions and matrix
 * multiplication, vectorised with {@code jdk.incubator.vector}.
 *
 * <p>This is the only package that imports the Vector API, and no incubator type appears in a
 * public signature. Every SIMD loop has a scalar twin that is its test oracle; the system property
 * {@code -Dvecgrad.simd=false} forces the scalar twins everywhere (see {@link
 * org.vecgrad.kernel.Simd}). Every kernel exists in two dtypes: the {@code *F64} sources are
 * written by hand and the build generates their {@code *F32} twins (float lanes, float
 * accumulation); the public classes ({@link org.vecgrad.kernel.UnaryKernels}, {@link
 * org.vecgrad.kernel.Reduce}, ...) offer {@code double[]} and {@code float[]} overloads of each.
 * Reductions and parallel splits are fixed in advance, so results are bitwise identical from run to
 * run and whatever the thread count.
 */
package org.vecgrad.kernel;
