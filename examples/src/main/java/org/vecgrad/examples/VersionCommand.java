package org.vecgrad.examples;

import java.io.PrintStream;

/** {@code ./vecgrad version}: the library version and the runtime it runs on. */
final class VersionCommand implements Command {
  /** The release version. */
  static final String VERSION = "0.1.0-SNAPSHOT";

  @Override
  public String name() {
    return "version";
  }

  @Override
  public String summary() {
    return "print the vecgrad version, the JVM and the SIMD width";
  }

  @Override
  public int run(Options options, PrintStream out) {
    out.println("vecgrad " + VERSION);
    out.println(
        "java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")");
    out.println("simd " + org.vecgrad.kernel.Simd.describe());
    return 0;
  }
}
