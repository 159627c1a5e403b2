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
 * SmoothKernels}.
 *
 * <p>Every SIMD loop is written out in its own class rather than shared through an abstract lane
 * function: a shared loop would call the lane function through a megamorphic call site, which the
 * JIT cannot inline, and every vector would then be boxed on the heap.
 */
public final class UnaryKernels {
  private UnaryKernels() {}

  /** {@code -x}. */
  public static final UnaryKernel NEG =
      new UnaryKernel("neg") {
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
  public static final UnaryKernel ABS =
      new UnaryKernel("abs") {
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
  public static final UnaryKernel SIGN =
      new UnaryKernel("sign") {
        @Override
        public double apply(double x) {
          return Math.signum(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            v.blend(1.0, v.compare(VectorOperators.GT, 0.0))
                .blend(-1.0, v.compare(VectorOperators.LT, 0.0))
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code x²}. */
  public static final UnaryKernel SQUARE =
      new UnaryKernel("square") {
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
  public static final UnaryKernel SQRT =
      new UnaryKernel("sqrt") {
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
  public static final UnaryKernel EXP = SmoothKernels.EXP;

  /** {@code ln x}. */
  public static final UnaryKernel LOG = SmoothKernels.LOG;

  /** {@code tanh x}. */
  public static final UnaryKernel TANH = SmoothKernels.TANH;

  /**
   * {@code σ(x) = 1/(1+e⁻ˣ)}, evaluated with {@code e = e^{-|x|}} as {@code 1/(1+e)} for x ≥ 0 and
   * {@code e/(1+e)} for x &lt; 0, so that it never overflows and keeps full relative precision in
   * both tails.
   */
  public static final UnaryKernel SIGMOID = SmoothKernels.SIGMOID;

  /**
   * {@code max(x, 0)}, with NaN passed through (a NaN input is a bug upstream; zeroing it would
   * hide it). {@code -0.0} maps to {@code +0.0}.
   */
  public static final UnaryKernel RELU =
      new UnaryKernel("relu") {
        @Override
        public double apply(double x) {
          return x <= 0 ? 0.0 : x;
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            v.blend(0.0, v.compare(VectorOperators.LE, 0.0)).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** The Heaviside step {@code 1 if x > 0 else 0}: ReLU's derivative mask (0 for NaN). */
  public static final UnaryKernel STEP =
      new UnaryKernel("step") {
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
            zero.blend(1.0, v.compare(VectorOperators.GT, 0.0)).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /**
   * {@code softplus(x) = ln(1+eˣ)}, as {@code max(x,0) + ln(1+e^{-|x|})} to stay finite for large
   * |x|.
   */
  public static final UnaryKernel SOFTPLUS = SmoothKernels.SOFTPLUS;

  /** {@code c·x} for a constant c. */
  public static UnaryKernel scale(double c) {
    return new UnaryKernel("scale") {
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
  public static UnaryKernel pow(double p) {
    if (p == 2) {
      return SQUARE;
    }
    if (p == 1) {
      return scale(1);
    }
    return SmoothKernels.pow(p);
  }
}
