package org.vecgrad.check;

import java.util.SplittableRandom;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Arithmetic on lists of tensors viewed as one long vector (the inputs of a function of several
 * arguments). Inner products and norms are always taken in double precision, whatever the dtype, so
 * that a check never loses digits of its own. A null entry stands for a zero block.
 */
final class Vectors {
  private Vectors() {}

  static double dot(Tensor a, Tensor b) {
    double s = 0;
    double[] x = a.readF64();
    double[] y = b.readF64();
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  static double dot(Tensor[] a, Tensor[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] != null && b[i] != null) {
        s += dot(a[i], b[i]);
      }
    }
    return s;
  }

  static double norm(Tensor[] a) {
    double s = 0;
    for (Tensor t : a) {
      if (t != null) {
        double n = t.norm();
        s += n * n;
      }
    }
    return Math.sqrt(s);
  }

  /** {@code x + h·v} blockwise, each block in the dtype of x. */
  static Tensor[] axpy(Tensor[] x, double h, Tensor[] v) {
    Tensor[] out = new Tensor[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = v[i] == null ? x[i] : axpy(x[i], h, v[i]);
    }
    return out;
  }

  /** {@code x + h·v}, in the dtype of x. */
  static Tensor axpy(Tensor x, double h, Tensor v) {
    double[] a = x.readF64();
    double[] b = v.readF64();
    double[] r = new double[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a[i] + h * b[i];
    }
    return Tensor.wrap(x.shape(), r, x.dtype());
  }

  /** {@code a − b − c·d} elementwise in double precision (d may be null), for Taylor remainders. */
  static double remainderNorm(Tensor a, Tensor b, double c, Tensor d, double c2, Tensor d2) {
    double[] x = a.readF64();
    double[] y = b.readF64();
    double[] z = d == null ? null : d.readF64();
    double[] w = d2 == null ? null : d2.readF64();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = x[i] - y[i];
      if (z != null) {
        r -= c * z[i];
      }
      if (w != null) {
        r -= c2 * w[i];
      }
      s += r * r;
    }
    return Math.sqrt(s);
  }

  /**
   * A random direction: standard normal entries scaled so that the largest is 1 in magnitude (so a
   * step h moves no coordinate by more than h), rounded to {@code dtype}.
   */
  static Tensor direction(Shape shape, DType dtype, SplittableRandom rng) {
    double[] d = new double[shape.size()];
    double max = 0;
    for (int i = 0; i < d.length; i++) {
      d[i] = rng.nextGaussian();
      max = Math.max(max, Math.abs(d[i]));
    }
    for (int i = 0; i < d.length; i++) {
      d[i] = max > 0 ? d[i] / max : 0;
    }
    return Tensor.wrap(shape, d, dtype);
  }

  /** Standard normal entries rounded to {@code dtype} (a cotangent for a random projection). */
  static Tensor gaussian(Shape shape, DType dtype, SplittableRandom rng) {
    return Tensor.wrap(shape, Tensor.randn(shape, rng).toDoubleArray(), dtype);
  }

  /** The flat index as a multi-index text, e.g. {@code [1, 2]}. */
  static String index(Shape shape, int flat) {
    int[] idx = new int[shape.rank()];
    for (int d = shape.rank() - 1; d >= 0; d--) {
      idx[d] = flat % Math.max(1, shape.dim(d));
      flat /= Math.max(1, shape.dim(d));
    }
    return java.util.Arrays.toString(idx);
  }
}
