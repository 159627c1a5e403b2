package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The elementwise unary kernels. Each constant's {@code apply} is the mathematical definition and
 * its {@code mapSimd} the same function over {@link Simd#lanes()} lanes at a time. The kernels here
 * are IEEE-exact, so both paths agree bit for bit; the transcendental ones ({@link #EXP}, {@link
 * #LOG}, {@link #TANH}, {@link #SIGMOID}, {@link #SOFTPLUS}, {@link #pow}) live in {@code
 * SmoothKernelsF64}.
 *
 * <p>Every SIMD loop is written out in its own class rather than shared through an abstract lane
 * function: a shared loop would call the lane function through a megamorphic call site, which the
 * JIT cannot inline, and every vector would then be boxed on the heap.
 */
final class UnaryKernelsF64 {
  private UnaryKernelsF64() {}

  /** {@code -x}. */
  public static final UnaryKernelF64 NEG =
      new UnaryKernelF64("neg") {
        @Override
        public double apply(double x) {
          return -x;
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i).neg().intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code |x|}. */
  public static final UnaryKernelF64 ABS =
      new UnaryKernelF64("abs") {
        @Override
        public double apply(double x) {
          return Math.abs(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i).abs().intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /**
   * {@code sign(x)} in {-1, 0, 1}; signed zeros and NaN map to themselves ({@link Math#signum}).
   */
  public static final UnaryKernelF64 SIGN =
      new UnaryKernelF64("sign") {
        @Override
        public double apply(double x) {
          return Math.signum(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            v.blend(1.0d, v.compare(VectorOperators.GT, 0.0d))
                .blend(-1.0d, v.compare(VectorOperators.LT, 0.0d))
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code x²}. */
  public static final UnaryKernelF64 SQUARE =
      new UnaryKernelF64("square") {
        @Override
        public double apply(double x) {
          return x * x;
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            v.mul(v).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code √x} (correctly rounded in both paths; NaN for x &lt; 0). */
  public static final UnaryKernelF64 SQRT =
      new UnaryKernelF64("sqrt") {
        @Override
        public double apply(double x) {
          return Math.sqrt(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i).sqrt().intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code eˣ}. */
  public static final UnaryKernelF64 EXP = SmoothKernelsF64.EXP;

  /** {@code ln x}. */
  public static final UnaryKernelF64 LOG = SmoothKernelsF64.LOG;

  /** {@code tanh x}. */
  public static final UnaryKernelF64 TANH = SmoothKernelsF64.TANH;

  /**
   * {@code σ(x) = 1/(1+e⁻ˣ)}, evaluated with {@code e = e^{-|x|}} as {@code 1/(1+e)} for x ≥ 0 and
   * {@code e/(1+e)} for x &lt; 0, so that it never overflows and keeps full relative precision in
   * both tails.
   */
  public static final UnaryKernelF64 SIGMOID = SmoothKernelsF64.SIGMOID;

  /**
   * {@code max(x, 0)}, with NaN passed through (a NaN input is a bug upstream; zeroing it would
   * hide it). {@code -0.0} maps to {@code +0.0}.
   */
  public static final UnaryKernelF64 RELU =
      new UnaryKernelF64("relu") {
        @Override
        public double apply(double x) {
          return x <= 0 ? 0.0d : x;
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            v.blend(0.0d, v.compare(VectorOperators.LE, 0.0d)).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** The Heaviside step {@code 1 if x > 0 else 0}: ReLU's derivative mask (0 for NaN). */
  public static final UnaryKernelF64 STEP =
      new UnaryKernelF64("step") {
        @Override
        public double apply(double x) {
          return x > 0 ? 1 : 0;
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          DoubleVector zero = DoubleVector.zero(F64);
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            zero.blend(1.0d, v.compare(VectorOperators.GT, 0.0d)).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /**
   * {@code softplus(x) = ln(1+eˣ)}, as {@code max(x,0) + ln(1+e^{-|x|})} to stay finite for large
   * |x|.
   */
  public static final UnaryKernelF64 SOFTPLUS = SmoothKernelsF64.SOFTPLUS;

  /** {@code c·x} for a constant c. */
  public static UnaryKernelF64 scale(double c) {
    return new UnaryKernelF64("scale") {
      @Override
      public double apply(double x) {
        return c * x;
      }

      @Override
      protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
        int i = 0;
        for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
          DoubleVector.fromArray(F64, x, xo + i).mul(c).intoArray(out, oo + i);
        }
        mapScalar(x, xo + i, out, oo + i, n - i);
      }
    };
  }

  /**
   * {@code xᵖ} for a constant exponent p, with {@link Math#pow}'s special cases (a negative x gives
   * a real result only for integer p). {@code p = 2} is {@link #SQUARE} and {@code p = 1} the
   * identity, both exact.
   */
  public static UnaryKernelF64 pow(double p) {
    if (p == 2) {
      return SQUARE;
    }
    if (p == 1) {
      return scale(1);
    }
    return SmoothKernelsF64.pow(p);
  }
}
