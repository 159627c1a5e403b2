package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.stream.IntStream;

/** Inputs and comparisons shared by the kernel tests. */
final class KernelFixtures {
  private KernelFixtures() {}

  static final int LANES = Simd.lanes();

  /** Lanes of the F32 species (twice {@link #LANES}). */
  static final int F32_LANES = Simd.F32_LANES;

  /**
   * The sizes every kernel is tested at, in both dtypes: empty, single, around one and two vectors
   * of either species (F64 and F32 lanes), large, odd.
   */
  static int[] sizes() {
    int l = LANES;
    int f = F32_LANES;
    return IntStream.of(0, 1, l - 1, l, l + 1, 2 * l + 3, f - 1, f, f + 1, 2 * f + 3, 1000, 4099)
        .distinct()
        .sorted()
        .toArray();
  }

  /**
   * The element type a kernel test runs in. Tests are written once over double arrays; the F32
   * constant rounds the inputs to float, runs the F32 twin on float arrays and widens the results
   * back (exactly), so every comparison below applies to both dtypes.
   */
  enum Dt {
    F64,
    F32;

    /** The dtype's inputs: unchanged for F64, rounded to float for F32. */
    double[] round(double[] x) {
      return this == F64 ? x.clone() : widen(narrow(x));
    }

    /** Unit in the last place of {@code e} in this dtype. */
    double ulp(double e) {
      return this == F64 ? Math.ulp(e) : Math.ulp((float) e);
    }

    /** Below this magnitude vector math lanes need not be exact (the subnormal range). */
    double tiny() {
      return this == F64 ? 0x1p-1000 : 0x1p-120;
    }

    void mapSimd(UnaryKernel k, double[] x, int xo, double[] out, int oo, int n) {
      if (this == F64) {
        k.mapSimd(x, xo, out, oo, n);
      } else {
        float[] o = narrow(out);
        k.mapSimd(narrow(x), xo, o, oo, n);
        copy(o, out);
      }
    }

    void mapScalar(UnaryKernel k, double[] x, int xo, double[] out, int oo, int n) {
      if (this == F64) {
        k.mapScalar(x, xo, out, oo, n);
      } else {
        float[] o = narrow(out);
        k.mapScalar(narrow(x), xo, o, oo, n);
        copy(o, out);
      }
    }

    double[] map(UnaryKernel k, double[] x) {
      return this == F64 ? k.map(x) : widen(k.map(narrow(x)));
    }

    /** Runs {@code vvSimd} (simd) or {@code vvScalar} of the twin of this dtype. */
    void vv(
        BinaryKernel k,
        boolean simd,
        double[] a,
        int ao,
        double[] b,
        int bo,
        double[] out,
        int oo,
        int n) {
      if (this == F64) {
        if (simd) {
          k.f64().vvSimd(a, ao, b, bo, out, oo, n);
        } else {
          k.f64().vvScalar(a, ao, b, bo, out, oo, n);
        }
        return;
      }
      float[] o = narrow(out);
      if (simd) {
        k.f32().vvSimd(narrow(a), ao, narrow(b), bo, o, oo, n);
      } else {
        k.f32().vvScalar(narrow(a), ao, narrow(b), bo, o, oo, n);
      }
      copy(o, out);
    }

    /** Runs {@code vsSimd} (simd) or {@code vsScalar} of the twin of this dtype. */
    void vs(
        BinaryKernel k, boolean simd, double[] a, int ao, double y, double[] out, int oo, int n) {
      if (this == F64) {
        if (simd) {
          k.f64().vsSimd(a, ao, y, out, oo, n);
        } else {
          k.f64().vsScalar(a, ao, y, out, oo, n);
        }
        return;
      }
      float[] o = narrow(out);
      if (simd) {
        k.f32().vsSimd(narrow(a), ao, (float) y, o, oo, n);
      } else {
        k.f32().vsScalar(narrow(a), ao, (float) y, o, oo, n);
      }
      copy(o, out);
    }

    /** Runs {@code svSimd} (simd) or {@code svScalar} of the twin of this dtype. */
    void sv(
        BinaryKernel k, boolean simd, double x, double[] b, int bo, double[] out, int oo, int n) {
      if (this == F64) {
        if (simd) {
          k.f64().svSimd(x, b, bo, out, oo, n);
        } else {
          k.f64().svScalar(x, b, bo, out, oo, n);
        }
        return;
      }
      float[] o = narrow(out);
      if (simd) {
        k.f32().svSimd((float) x, narrow(b), bo, o, oo, n);
      } else {
        k.f32().svScalar((float) x, narrow(b), bo, o, oo, n);
      }
      copy(o, out);
    }

    /** The public entry points ({@code vv}, {@code vs}, {@code sv}: SIMD or twin by the switch). */
    void vvPublic(BinaryKernel k, double[] a, double[] b, double[] out, int n) {
      if (this == F64) {
        k.vv(a, 0, b, 0, out, 0, n);
      } else {
        float[] o = narrow(out);
        k.vv(narrow(a), 0, narrow(b), 0, o, 0, n);
        copy(o, out);
      }
    }

    void vsPublic(BinaryKernel k, double[] a, double y, double[] out, int n) {
      if (this == F64) {
        k.vs(a, 0, y, out, 0, n);
      } else {
        float[] o = narrow(out);
        k.vs(narrow(a), 0, (float) y, o, 0, n);
        copy(o, out);
      }
    }

    void svPublic(BinaryKernel k, double x, double[] b, double[] out, int n) {
      if (this == F64) {
        k.sv(x, b, 0, out, 0, n);
      } else {
        float[] o = narrow(out);
        k.sv((float) x, narrow(b), 0, o, 0, n);
        copy(o, out);
      }
    }

    /** One block's sum by {@code BlockSums} of this dtype, SIMD or twin. */
    double blockSum(boolean simd, double[] x, int off, int n) {
      if (this == F64) {
        return simd ? BlockSumsF64.sumSimd(x, off, n) : BlockSumsF64.sumScalar(x, off, n);
      }
      float[] f = narrow(x);
      return simd ? BlockSumsF32.sumSimd(f, off, n) : BlockSumsF32.sumScalar(f, off, n);
    }

    /** One block's dot product by {@code BlockSums} of this dtype, SIMD or twin. */
    double blockDot(boolean simd, double[] a, int ao, double[] b, int bo, int n) {
      if (this == F64) {
        return simd
            ? BlockSumsF64.dotSimd(a, ao, b, bo, n)
            : BlockSumsF64.dotScalar(a, ao, b, bo, n);
      }
      float[] fa = narrow(a);
      float[] fb = narrow(b);
      return simd
          ? BlockSumsF32.dotSimd(fa, ao, fb, bo, n)
          : BlockSumsF32.dotScalar(fa, ao, fb, bo, n);
    }

    /** {@link Reduce#sum} in this dtype. */
    double sum(double[] x) {
      return this == F64 ? Reduce.sum(x) : Reduce.sum(narrow(x));
    }

    /** {@link Reduce#max} in this dtype. */
    double max(double[] x) {
      return this == F64 ? Reduce.max(x) : Reduce.max(narrow(x));
    }

    /** The scalar maximum twin of this dtype. */
    double maxScalar(double[] x) {
      return this == F64
          ? MaximaF64.maxScalar(x, 0, x.length)
          : MaximaF32.maxScalar(narrow(x), 0, x.length);
    }
  }

  static float[] narrow(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }

  static double[] widen(float[] f) {
    double[] x = new double[f.length];
    copy(f, x);
    return x;
  }

  private static void copy(float[] f, double[] x) {
    for (int i = 0; i < f.length; i++) {
      x[i] = f[i];
    }
  }

  /** Values in [-10, 10] with zeros of both signs, and large magnitudes (±700) sprinkled in. */
  static double[] values(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(16);
      x[i] =
          kind == 0
              ? 0.0
              : kind == 1
                  ? -0.0
                  : kind == 2
                      ? (r.nextBoolean() ? 700 : -700) * r.nextDouble()
                      : 20 * r.nextDouble() - 10;
    }
    return x;
  }

  /** {@link #values} plus NaN, ±∞ and the extremes of the double range. */
  static double[] withSpecials(int n, long seed) {
    double[] x = values(n, seed);
    double[] specials = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MAX_VALUE,
      -Double.MIN_VALUE,
      Double.MIN_NORMAL,
      745,
      -745,
      1e-300
    };
    Random r = new Random(seed ^ 0x5eed);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(8) == 0) {
        x[i] = specials[r.nextInt(specials.length)];
      }
    }
    return x;
  }

  /**
   * Bitwise equality per element (NaNs of any payload count as equal), naming the first mismatch.
   */
  static void assertSameBits(String what, double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
        fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
      }
    }
  }

  /**
   * Equality within {@code ulps} units in the last place of the expected value (NaN matches NaN,
   * infinities must match exactly); results below 2⁻¹⁰⁰⁰ may differ absolutely by as much, since
   * the vector math lanes need not be exact in the subnormal range.
   */
  static void assertClose(String what, double[] expected, double[] actual, int ulps) {
    assertClose(Dt.F64, what, expected, actual, ulps);
  }

  /** {@link #assertClose(String, double[], double[], int)} in ulps of the given dtype. */
  static void assertClose(Dt dt, String what, double[] expected, double[] actual, int ulps) {
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean ok =
          Double.doubleToLongBits(e) == Double.doubleToLongBits(a)
              || (Double.isNaN(e) && Double.isNaN(a))
              || (Double.isFinite(e)
                  && Double.isFinite(a)
                  && (Math.abs(a - e) <= ulps * dt.ulp(e) || Math.abs(a - e) <= dt.tiny()));
      if (!ok) {
        fail(
            what
                + ": element "
                + i
                + " expected "
                + e
                + " but was "
                + a
                + " ("
                + (Math.abs(a - e) / dt.ulp(e))
                + " ulps)");
      }
    }
  }

  /** Runs {@code body} with SIMD switched to {@code on}, restoring the previous setting. */
  static void withSimd(boolean on, Runnable body) {
    boolean before = Simd.enabled();
    Simd.setEnabled(on);
    try {
      body.run();
    } finally {
      Simd.setEnabled(before);
    }
  }
}
