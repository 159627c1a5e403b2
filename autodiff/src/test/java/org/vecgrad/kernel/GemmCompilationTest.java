package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The GEMM kernels compile to vector code: in a fresh JVM that runs a training step's products
 * ({@link GemmWarmup}), C2 expands every vector store as an intrinsic.
 *
 * <p>Twice on JDK 17 the micro-kernel's stores failed as intrinsics in some JVM starts ({@code
 * -XX:+PrintIntrinsics}: {@code VectorSupport::store ... failed to inline (intrinsic)}), and the
 * stores, or the whole loop, ran on boxed vectors: the F32 train step lost 30 % to 80 % of its
 * speed with no other sign (see {@code GemmF64.kernel12x2}). Whether it happens depends on the
 * order of C2's late inlining, so it shows in some starts only (before the fix: about half); each
 * repetition is a fresh JVM. No timing is asserted, only what the compiler printed.
 */
class GemmCompilationTest {
  @RepeatedTest(2)
  void everyVectorStoreCompilesAsAnIntrinsic() throws IOException, InterruptedException {
    Path log = Files.createTempFile("gemm-intrinsics", ".txt");
    try {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "--add-modules",
                  "jdk.incubator.vector",
                  "-XX:+UnlockDiagnosticVMOptions",
                  "-XX:+PrintIntrinsics",
                  "-cp",
                  System.getProperty("java.class.path"),
                  GemmWarmup.class.getName(),
                  "3")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the warm-up JVM did not finish");
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      assertEquals(0, child.exitValue(), () -> "the warm-up JVM failed:\n" + tail(lines));
      List<String> stores =
          lines.stream()
              .filter(l -> l.contains("VectorSupport::store "))
              .collect(Collectors.toList());
      List<String> failed =
          stores.stream().filter(l -> l.contains("failed")).collect(Collectors.toList());
      // the kernels' 24 + 12 accumulator stores at least: proof that C2 compiled them and printed
      assertTrue(
          stores.size() - failed.size() >= 24,
          () -> "too few vector stores compiled as intrinsics to judge:\n" + tail(lines));
      assertEquals(
          List.of(),
          failed,
          "vector stores that C2 did not compile as intrinsics (they run on boxed vectors)");
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String tail(List<String> lines) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
