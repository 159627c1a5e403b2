package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The elementwise binary kernels. Each constant's {@code apply} is the definition; its three SIMD
 * loops (vector–vector, vector–scalar, scalar–vector) compute the same IEEE-exact function over
 * {@link Simd#lanes()} lanes at a time, so SIMD and scalar twins agree bit for bit.
 *
 * <p>The loops are written out per kernel, not shared through an abstract lane function: a shared
 * loop would reach the lane function through a megamorphic call that the JIT cannot inline, and
 * every vector would then be boxed on the heap.
 */
final class BinaryKernelsF64 {
  private BinaryKernelsF64() {}

  /** {@code x + y}. */
  public static final BinaryKernelF64 ADD =
      new BinaryKernelF64("add") {
        @Override
        public double apply(double x, double y) {
          return x + y;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.add(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.add(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.add(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code x - y}. */
  public static final BinaryKernelF64 SUB =
      new BinaryKernelF64("sub") {
        @Override
        public double apply(double x, double y) {
          return x - y;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.sub(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.sub(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.sub(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code x · y}. */
  public static final BinaryKernelF64 MUL =
      new BinaryKernelF64("mul") {
        @Override
        public double apply(double x, double y) {
          return x * y;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.mul(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.mul(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.mul(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code x / y}. */
  public static final BinaryKernelF64 DIV =
      new BinaryKernelF64("div") {
        @Override
        public double apply(double x, double y) {
          return x / y;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.div(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.div(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.div(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code max(x, y)} as {@link Math#max}: NaN if either is NaN, and +0 above −0. */
  public static final BinaryKernelF64 MAX =
      new BinaryKernelF64("max") {
        @Override
        public double apply(double x, double y) {
          return Math.max(x, y);
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.max(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.max(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.max(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code min(x, y)} as {@link Math#min}: NaN if either is NaN, and −0 below +0. */
  public static final BinaryKernelF64 MIN =
      new BinaryKernelF64("min") {
        @Override
        public double apply(double x, double y) {
          return Math.min(x, y);
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            va.min(vb).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            va.min(y).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            xv.min(vb).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code 1 if x == y else 0}: marks the position of a maximum (0 where either is NaN). */
  public static final BinaryKernelF64 EQUAL =
      new BinaryKernelF64("equal") {
        @Override
        public double apply(double x, double y) {
          return x == y ? 1 : 0;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector zero = DoubleVector.zero(F64);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            zero.blend(1.0d, va.compare(VectorOperators.EQ, vb)).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }

        @Override
        protected void vsSimd(double[] a, int ao, double y, double[] out, int oo, int n) {
          DoubleVector zero = DoubleVector.zero(F64);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector va = DoubleVector.fromArray(F64, a, ao + i);
            zero.blend(1.0d, va.compare(VectorOperators.EQ, y)).intoArray(out, oo + i);
          }
          vsScalar(a, ao + i, y, out, oo + i, n - i);
        }

        @Override
        protected void svSimd(double x, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector zero = DoubleVector.zero(F64);
          DoubleVector xv = DoubleVector.broadcast(F64, x);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector vb = DoubleVector.fromArray(F64, b, bo + i);
            zero.blend(1.0d, xv.compare(VectorOperators.EQ, vb)).intoArray(out, oo + i);
          }
          svScalar(x, b, bo + i, out, oo + i, n - i);
        }
      };

  // Fused backward kernels: an activation's derivative times the incoming adjoint in one pass
  // (same-shape operands only; the op layer never broadcasts them).

  /** {@code g·[x > 0]}: ReLU's backward from the adjoint {@code g} and the input {@code x}. */
  public static final BinaryKernelF64 RELU_BACKWARD =
      new BinaryKernelF64("reluBackward") {
        @Override
        public double apply(double g, double x) {
          return x > 0 ? g : 0;
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector zero = DoubleVector.zero(F64);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector g = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector x = DoubleVector.fromArray(F64, b, bo + i);
            zero.blend(g, x.compare(VectorOperators.GT, 0)).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }
      };

  /** {@code g·(1 − y²)}: tanh's backward from the adjoint {@code g} and the output {@code y}. */
  public static final BinaryKernelF64 TANH_BACKWARD =
      new BinaryKernelF64("tanhBackward") {
        @Override
        public double apply(double g, double y) {
          return g * (1 - y * y);
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector one = DoubleVector.broadcast(F64, 1);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector g = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(F64, b, bo + i);
            g.mul(one.sub(y.mul(y))).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }
      };

  /**
   * {@code g·y(1 − y)}: the logistic sigmoid's backward from the adjoint {@code g} and the output
   * {@code y}.
   */
  public static final BinaryKernelF64 SIGMOID_BACKWARD =
      new BinaryKernelF64("sigmoidBackward") {
        @Override
        public double apply(double g, double y) {
          return g * (y * (1 - y));
        }

        @Override
        protected void vvSimd(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
          DoubleVector one = DoubleVector.broadcast(F64, 1);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector g = DoubleVector.fromArray(F64, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(F64, b, bo + i);
            g.mul(y.mul(one.sub(y))).intoArray(out, oo + i);
          }
          vvScalar(a, ao + i, b, bo + i, out, oo + i, n - i);
        }
      };
}
