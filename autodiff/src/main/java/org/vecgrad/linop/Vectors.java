package org.vecgrad.linop;

import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The few vector operations the operators and solvers need, on the F64 elements of tensors (all
 * elements, whatever the shape). Results are fresh F64 tensors; inputs are never written.
 */
final class Vectors {
  private Vectors() {}

  /** {@code ⟨x, y⟩} over all elements. */
  static double dot(Tensor x, Tensor y) {
    return dot(x.readF64(), y.readF64());
  }

  static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  static double norm(double[] x) {
    return Math.sqrt(dot(x, x));
  }

  /** {@code a·x + y} as a new tensor shaped like y. */
  static Tensor axpy(double a, Tensor x, Tensor y) {
    double[] xs = x.readF64();
    double[] out = y.toDoubleArray();
    for (int i = 0; i < out.length; i++) {
      out[i] += a * xs[i];
    }
    return Tensor.wrap(y.shape(), out);
  }

  /** {@code c·x} as a new tensor. */
  static Tensor scale(double c, Tensor x) {
    double[] out = x.toDoubleArray();
    for (int i = 0; i < out.length; i++) {
      out[i] *= c;
    }
    return Tensor.wrap(x.shape(), out);
  }

  /** In place: {@code y += a·x}. */
  static void axpyInPlace(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }

  /** A tensor of the given shape holding a copy of {@code data}. */
  static Tensor tensor(Shape shape, double[] data) {
    return Tensor.wrap(shape, data.clone());
  }
}
