package org.vecgrad.nn;

import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * How a parameter's first value is drawn. Weights are {@code [out, in]} (see {@link Linear}), so
 * {@code fanIn = in} and {@code fanOut = out}; for a vector both are its length.
 *
 * <ul>
 *   <li>{@link #normal}: {@code N(0, σ²)}; {@link #uniform}: {@code U(−a, a)};
 *   <li>{@link #xavierNormal} / {@link #xavierUniform} (Glorot &amp; Bengio 2010): variance {@code
 *       2/(fanIn + fanOut)}, which keeps activations and gradients at the same scale through
 *       tanh-like layers;
 *   <li>{@link #heNormal} / {@link #heUniform} (He et al. 2015): variance {@code 2/fanIn}, the
 *       factor 2 making up for ReLU zeroing half its inputs;
 *   <li>{@link Orthogonal}: a random orthogonal matrix (QR of a Gaussian matrix);
 *   <li>{@link #scaledIdentity}: {@code αI}, the identical initialisation {@code W_j(0) = αI} of
 *       deep matrix factorisation (lecture 003), under which gradient descent recovers the
 *       eigenvalues of the target largest first.
 * </ul>
 */
@FunctionalInterface
public interface Init {
  /** A value of {@code shape} and {@code dtype}, drawing any randomness from {@code rng}. */
  Tensor sample(Shape shape, DType dtype, SplittableRandom rng);

  /** Inputs feeding one output: the last dimension of a matrix, the length of a vector. */
  static int fanIn(Shape s) {
    return s.rank() == 0 ? 1 : s.dim(s.rank() - 1);
  }

  /** Outputs fed by one input: the first dimension of a matrix, the length of a vector. */
  static int fanOut(Shape s) {
    return s.rank() == 0 ? 1 : s.dim(0);
  }

  /** All zeros (the usual bias initialisation). */
  static Init zeros() {
    return (shape, dtype, rng) -> Tensor.zeros(shape, dtype);
  }

  /** A constant. */
  static Init constant(double c) {
    return (shape, dtype, rng) -> Tensor.full(shape, c, dtype);
  }

  /** Independent {@code N(0, std²)} entries. */
  static Init normal(double std) {
    requirePositive("normal", "std", std);
    return (shape, dtype, rng) -> {
      double[] d = new double[shape.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = std * rng.nextGaussian();
      }
      return Tensor.wrap(shape, d, dtype);
    };
  }

  /** Independent {@code U(−a, a)} entries (variance {@code a²/3}). */
  static Init uniform(double a) {
    requirePositive("uniform", "bound", a);
    return (shape, dtype, rng) -> {
      double[] d = new double[shape.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = a * (2 * rng.nextDouble() - 1);
      }
      return Tensor.wrap(shape, d, dtype);
    };
  }

  /** Glorot normal: {@code N(0, 2/(fanIn + fanOut))}. */
  static Init xavierNormal() {
    return (shape, dtype, rng) ->
        normal(Math.sqrt(2.0 / (fanIn(shape) + fanOut(shape)))).sample(shape, dtype, rng);
  }

  /** Glorot uniform: {@code U(−a, a)}, {@code a = √(6/(fanIn + fanOut))}. */
  static Init xavierUniform() {
    return (shape, dtype, rng) ->
        uniform(Math.sqrt(6.0 / (fanIn(shape) + fanOut(shape)))).sample(shape, dtype, rng);
  }

  /** He normal: {@code N(0, 2/fanIn)}. */
  static Init heNormal() {
    return (shape, dtype, rng) -> normal(Math.sqrt(2.0 / fanIn(shape))).sample(shape, dtype, rng);
  }

  /** He uniform: {@code U(−a, a)}, {@code a = √(6/fanIn)}. */
  static Init heUniform() {
    return (shape, dtype, rng) -> uniform(Math.sqrt(6.0 / fanIn(shape))).sample(shape, dtype, rng);
  }

  /** A random orthogonal matrix times {@code gain}; see {@link Orthogonal}. */
  static Init orthogonal(double gain) {
    return new Orthogonal(gain);
  }

  /**
   * {@code αI} for a square matrix (lecture 003: {@code W_j(0) = αI}); a non-square {@code [m, n]}
   * gets α on its leading diagonal.
   *
   * @throws IllegalArgumentException for a shape that is not a matrix
   */
  static Init scaledIdentity(double alpha) {
    return (shape, dtype, rng) -> {
      if (shape.rank() != 2) {
        throw new IllegalArgumentException(
            "Init.scaledIdentity: needs a matrix shape [m, n], got " + shape);
      }
      int m = shape.dim(0);
      int n = shape.dim(1);
      double[] d = new double[m * n];
      for (int i = 0; i < Math.min(m, n); i++) {
        d[i * n + i] = alpha;
      }
      return Tensor.wrap(shape, d, dtype);
    };
  }

  private static void requirePositive(String init, String what, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("Init." + init + ": " + what + " must be > 0, got " + v);
    }
  }
}
