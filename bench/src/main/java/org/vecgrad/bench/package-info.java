/**
 * JMH benchmarks of the kernels, the tape and training steps, the plain {@link
 * org.vecgrad.bench.Harness} they share, and {@link org.vecgrad.bench.BenchSuite}, the one table of
 * {@code ./vecgrad bench} (see docs/benchmarks.md).
 */
package org.vecgrad.bench;
