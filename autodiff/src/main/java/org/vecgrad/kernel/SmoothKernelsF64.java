package org.vecgrad.kernel;

import static org.vecgrad.kernel.Simd.F64;
import static org.vecgrad.kernel.Simd.F64_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The transcendental unary kernels, published through {@link UnaryKernelsF64}. Their SIMD loops use
 * the Vector API's math lanes ({@code EXP}, {@code LOG}, {@code TANH}, {@code LOG1P}, {@code POW}),
 * which on x86 call Intel's short-vector math library: within about one ulp of {@link Math} and
 * 20–40× faster than a scalar {@code Math.exp} loop on JDK 17, but not bit-for-bit equal to it.
 * Their twins are therefore compared with a small ulp tolerance.
 *
 * <p>One consequence: until the JIT has compiled a loop with C2, the Vector API evaluates each lane
 * with {@link Math}, so the last bit or two of these kernels (only these) can differ between a cold
 * and a warm JVM. Exact reproducibility of transcendental results needs {@code
 * -Dvecgrad.simd=false}.
 *
 * <p>The second constructor argument is each kernel's rough cost per element in flop-equivalents
 * (measured time relative to an add), which {@link UnaryKernelF64#map} uses to decide on a parallel
 * split.
 */
final class SmoothKernelsF64 {
  private SmoothKernelsF64() {}

  static final UnaryKernelF64 EXP =
      new UnaryKernelF64("exp", 10) {
        @Override
        public double apply(double x) {
          return Math.exp(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i)
                .lanewise(VectorOperators.EXP)
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  static final UnaryKernelF64 LOG =
      new UnaryKernelF64("log", 10) {
        @Override
        public double apply(double x) {
          return Math.log(x);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i)
                .lanewise(VectorOperators.LOG)
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  static final UnaryKernelF64 TANH =
      new UnaryKernelF64("tanh", 30) {
        @Override
        public double apply(double x) {
          return Fdlibm.tanh(x); // StrictMath.tanh's bits, without JDK 17's JNI call
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector.fromArray(F64, x, xo + i)
                .lanewise(VectorOperators.TANH)
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** σ(x) with e = e^{-|x|}: numerator 1 where x ≥ 0, e where x &lt; 0, over 1 + e. */
  static final UnaryKernelF64 SIGMOID =
      new UnaryKernelF64("sigmoid", 15) {
        @Override
        public double apply(double x) {
          double e = Math.exp(-Math.abs(x));
          return (x >= 0 ? 1 : e) / (1 + e);
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            DoubleVector e = v.abs().neg().lanewise(VectorOperators.EXP);
            e.blend(1.0d, v.compare(VectorOperators.GE, 0.0d))
                .div(e.add(1.0d))
                .intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** max(x, 0) + ln(1 + e^{-|x|}): the log1p term is at most ln 2, so nothing overflows. */
  static final UnaryKernelF64 SOFTPLUS =
      new UnaryKernelF64("softplus", 25) {
        @Override
        public double apply(double x) {
          return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        }

        @Override
        protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
          int i = 0;
          for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
            DoubleVector v = DoubleVector.fromArray(F64, x, xo + i);
            DoubleVector tail =
                v.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P);
            v.max(0.0d).add(tail).intoArray(out, oo + i);
          }
          mapScalar(x, xo + i, out, oo + i, n - i);
        }
      };

  /** {@code xᵖ} through the {@code POW} lane. */
  static UnaryKernelF64 pow(double p) {
    return new UnaryKernelF64("pow", 30) {
      @Override
      public double apply(double x) {
        return Math.pow(x, p);
      }

      @Override
      protected void mapSimd(double[] x, int xo, double[] out, int oo, int n) {
        int i = 0;
        for (int end = F64.loopBound(n); i < end; i += F64_LANES) {
          DoubleVector.fromArray(F64, x, xo + i)
              .lanewise(VectorOperators.POW, p)
              .intoArray(out, oo + i);
        }
        mapScalar(x, xo + i, out, oo + i, n - i);
      }
    };
  }
}
