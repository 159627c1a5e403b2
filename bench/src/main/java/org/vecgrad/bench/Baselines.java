package org.vecgrad.bench;

/**
 * The figures of {@code shared/bench/baselines.md}, recorded on the reference machine (2 vCPUs of
 * an AMD EPYC Zen 3, AVX2 + FMA, no AVX-512; one thread unless said), and the targets the issues
 * set against them. Figures measured on another machine: compare ratios, not absolute numbers.
 */
final class Baselines {
  private Baselines() {}

  /** OpenBLAS 0.3.21 DGEMM, one thread, n ≥ 512 (GFLOP/s). */
  static final double OPENBLAS_DGEMM = 43;

  /** OpenBLAS 0.3.21 SGEMM, one thread, n ≥ 512 (GFLOP/s). */
  static final double OPENBLAS_SGEMM = 91;

  /** EJML 0.46.1 dense mult, F64 and F32 alike, one thread (GFLOP/s). */
  static final double EJML = 5;

  /** Target: matmul n = 1024 on one thread, F64 (GFLOP/s). */
  static final double TARGET_MATMUL_F64 = 39;

  /** Target: matmul n = 1024 on one thread, F32 (GFLOP/s). */
  static final double TARGET_MATMUL_F32 = 82;

  /** Target: one-thread GFLOP/s within 15% over n = 256 … 2048 (smallest ÷ largest). */
  static final double TARGET_FLATNESS = 0.85;

  /** Target: two threads ÷ one thread at n = 1024. */
  static final double TARGET_TWO_THREADS = 1.7;

  /** PyTorch 1.13 CPU, MLP 784-256-256-10 train step, samples/s: [F32, F64][batch 128, 32]. */
  static final double[][] TORCH_TRAIN_SAMPLES = {{48_000, 34_000}, {28_000, 21_000}};

  /** Target: train-step samples/s ÷ PyTorch's at batch 128 and 32. */
  static final double[] TARGET_TRAIN = {1.2, 1.5};

  /** PyTorch scalar-op chain, forward + backward, ns per op, F64. */
  static final double TORCH_SCALAR_CHAIN_NS_F64 = 6500;

  /** Target: scalar chain ns per op. */
  static final double TARGET_SCALAR_CHAIN_NS = 100;

  /** PyTorch exact HVP (double backward) ÷ gradient, MLP batch 128. */
  static final double TORCH_HVP_RATIO = 2.6;

  /** PyTorch Gauss-Newton product (jvp + vjp) ÷ gradient: 2.4–2.5, the middle. */
  static final double TORCH_GN_RATIO = 2.45;

  /** Target: GN product ÷ gradient. */
  static final double TARGET_GN_RATIO = 1.5;

  /** Target: HVP ÷ gradient. */
  static final double TARGET_HVP_RATIO = 2.5;

  /** PyTorch elementwise over 1M F32, ns per element: relu, sigmoid, tanh, exp. */
  static final double[] TORCH_ELEMENTWISE_F32_NS = {0.13, 0.81, 2.70, 0.73};

  /** Target: sigmoid, tanh and exp over 1M F32, throughput ÷ PyTorch's. */
  static final double TARGET_ELEMENTWISE = 2;
}
