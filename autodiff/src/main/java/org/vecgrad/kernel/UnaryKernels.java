package org.vecgrad.kernel;

/**
 * The elementwise unary kernels. Each constant's {@code apply} is the mathematical definition;
 * loops are vectorised where the Vector API has the lane operation.
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
      };

  /** {@code |x|}. */
  public static final UnaryKernel ABS =
      new UnaryKernel("abs") {
        @Override
        public double apply(double x) {
          return Math.abs(x);
        }
      };

  /** {@code sign(x)} in {-1, 0, 1}. */
  public static final UnaryKernel SIGN =
      new UnaryKernel("sign") {
        @Override
        public double apply(double x) {
          return Math.signum(x);
        }
      };

  /** {@code x²}. */
  public static final UnaryKernel SQUARE =
      new UnaryKernel("square") {
        @Override
        public double apply(double x) {
          return x * x;
        }
      };

  /** {@code √x}. */
  public static final UnaryKernel SQRT =
      new UnaryKernel("sqrt") {
        @Override
        public double apply(double x) {
          return Math.sqrt(x);
        }
      };

  /** {@code eˣ}. */
  public static final UnaryKernel EXP =
      new UnaryKernel("exp") {
        @Override
        public double apply(double x) {
          return Math.exp(x);
        }
      };

  /** {@code ln x}. */
  public static final UnaryKernel LOG =
      new UnaryKernel("log") {
        @Override
        public double apply(double x) {
          return Math.log(x);
        }
      };

  /** {@code tanh x}. */
  public static final UnaryKernel TANH =
      new UnaryKernel("tanh") {
        @Override
        public double apply(double x) {
          return Math.tanh(x);
        }
      };

  /**
   * {@code σ(x) = 1/(1+e⁻ˣ)}, evaluated as {@code eˣ/(1+eˣ)} for negative x so that it never
   * overflows.
   */
  public static final UnaryKernel SIGMOID =
      new UnaryKernel("sigmoid") {
        @Override
        public double apply(double x) {
          if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
          }
          double e = Math.exp(x);
          return e / (1 + e);
        }
      };

  /** {@code max(x, 0)}. */
  public static final UnaryKernel RELU =
      new UnaryKernel("relu") {
        @Override
        public double apply(double x) {
          return x > 0 ? x : 0;
        }
      };

  /** The Heaviside step {@code 1 if x > 0 else 0}: ReLU's derivative mask. */
  public static final UnaryKernel STEP =
      new UnaryKernel("step") {
        @Override
        public double apply(double x) {
          return x > 0 ? 1 : 0;
        }
      };

  /** {@code softplus(x) = ln(1+eˣ)}, as {@code max(x,0) + ln(1+e^{-|x|})} to stay finite. */
  public static final UnaryKernel SOFTPLUS =
      new UnaryKernel("softplus") {
        @Override
        public double apply(double x) {
          return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        }
      };

  /** {@code c·x} for a constant c. */
  public static UnaryKernel scale(double c) {
    return new UnaryKernel("scale") {
      @Override
      public double apply(double x) {
        return c * x;
      }
    };
  }

  /** {@code xᵖ} for a constant exponent p ({@code Math.pow}; p = 2 and 0.5 are special-cased). */
  public static UnaryKernel pow(double p) {
    if (p == 2) {
      return SQUARE;
    }
    if (p == 1) {
      return scale(1);
    }
    return new UnaryKernel("pow") {
      @Override
      public double apply(double x) {
        return Math.pow(x, p);
      }
    };
  }
}
