package org.vecgrad.kernel;

/**
 * Switches between the SIMD kernels and their scalar twins.
 *
 * <p>{@code -Dvecgrad.simd=false} selects the scalar loops everywhere; tests flip {@link
 * #setEnabled(boolean)} to compare the two paths in one JVM.
 */
public final class Simd {
  private static volatile boolean enabled =
      !"false".equalsIgnoreCase(System.getProperty("vecgrad.simd", "true"));

  private Simd() {}

  /** True when SIMD loops are used. */
  public static boolean enabled() {
    return enabled;
  }

  /** Turns SIMD on or off for the whole JVM (tests and benchmarks). */
  public static void setEnabled(boolean on) {
    enabled = on;
  }

  /** A description of the vector shapes in use, e.g. {@code "on, 4 × f64 lanes (256-bit)"}. */
  public static String describe() {
    int bits = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.vectorBitSize();
    int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    return (enabled ? "on" : "off (scalar loops)")
        + ", "
        + lanes
        + " × f64 lanes ("
        + bits
        + "-bit)";
  }
}
