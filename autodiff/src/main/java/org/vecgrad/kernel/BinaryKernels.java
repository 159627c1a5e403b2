package org.vecgrad.kernel;

/** The elementwise binary kernels, each defined by its {@code apply}. */
public final class BinaryKernels {
  private BinaryKernels() {}

  /** {@code x + y}. */
  public static final BinaryKernel ADD =
      new BinaryKernel("add") {
        @Override
        public double apply(double x, double y) {
          return x + y;
        }
      };

  /** {@code x - y}. */
  public static final BinaryKernel SUB =
      new BinaryKernel("sub") {
        @Override
        public double apply(double x, double y) {
          return x - y;
        }
      };

  /** {@code x · y}. */
  public static final BinaryKernel MUL =
      new BinaryKernel("mul") {
        @Override
        public double apply(double x, double y) {
          return x * y;
        }
      };

  /** {@code x / y}. */
  public static final BinaryKernel DIV =
      new BinaryKernel("div") {
        @Override
        public double apply(double x, double y) {
          return x / y;
        }
      };

  /** {@code max(x, y)}. */
  public static final BinaryKernel MAX =
      new BinaryKernel("max") {
        @Override
        public double apply(double x, double y) {
          return Math.max(x, y);
        }
      };

  /** {@code min(x, y)}. */
  public static final BinaryKernel MIN =
      new BinaryKernel("min") {
        @Override
        public double apply(double x, double y) {
          return Math.min(x, y);
        }
      };

  /** {@code 1 if x == y else 0}: marks the position of a maximum. */
  public static final BinaryKernel EQUAL =
      new BinaryKernel("equal") {
        @Override
        public double apply(double x, double y) {
          return x == y ? 1 : 0;
        }
      };
}
