package org.vecgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Switches between the SIMD kernels and their scalar twins, and fixes the vector shape they use.
 *
 * <p>{@code -Dvecgrad.simd=false} selects the scalar loops everywhere; tests flip {@link
 * #setEnabled(boolean)} to compare the two paths in one JVM. The species is the platform's
 * preferred one ({@code SPECIES_PREFERRED}: 4 doubles with AVX2, 8 with AVX-512), held in a {@code
 * static final} field so that the JIT sees a constant and every loop compiles to straight vector
 * code.
 */
public final class Simd {
  /** The vector shape of every F64 kernel in this package. */
  static final VectorSpecies<Double> F64 = DoubleVector.SPECIES_PREFERRED;

  /** Lanes of {@link #F64}. */
  static final int F64_LANES = F64.length();

  /**
   * The concrete vector class of {@link #F64}. A loop-carried vector is cast to it before it is
   * stored, so that C2 knows its class exactly and the store compiles as an intrinsic (see {@code
   * GemmF64.kernel12x2}).
   */
  static final Class<? extends Vector<Double>> F64_CLASS = F64.vectorType();

  /** The vector shape of every F32 kernel (the generated twins): twice the lanes of F64. */
  static final VectorSpecies<Float> F32 = FloatVector.SPECIES_PREFERRED;

  /** Lanes of {@link #F32}. */
  static final int F32_LANES = F32.length();

  /** The concrete vector class of {@link #F32} (see {@link #F64_CLASS}). */
  static final Class<? extends Vector<Float>> F32_CLASS = F32.vectorType();

  private static volatile boolean enabled = parse(System.getProperty("vecgrad.simd"));

  private Simd() {}

  /**
   * The meaning of the {@code vecgrad.simd} property: SIMD stays on unless the value is {@code
   * false} (in any case).
   */
  static boolean parse(String property) {
    return !"false".equalsIgnoreCase(property == null ? "true" : property.trim());
  }

  /** True when SIMD loops are used. */
  public static boolean enabled() {
    return enabled;
  }

  /** Turns SIMD on or off for the whole JVM (tests and benchmarks). */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** The number of double lanes of the vectors in use (4 with AVX2, 8 with AVX-512). */
  public static int lanes() {
    return F64_LANES;
  }

  /**
   * A description of the vector shapes in use, e.g. {@code "on, 4 × f64 lanes (256-bit), 8 × f32
   * lanes"}.
   */
  public static String describe() {
    return (enabled ? "on" : "off (scalar loops)")
        + ", "
        + F64_LANES
        + " × f64 lanes ("
        + F64.vectorBitSize()
        + "-bit), "
        + F32_LANES
        + " × f32 lanes";
  }
}
