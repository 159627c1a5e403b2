/** JMH benchmarks of the kernels, the tape and training steps (see docs/benchmarks.md). */
package org.vecgrad.bench;
