package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The GEMM's register tile follows the vector width, and a test run can hold the width down: the
 * {@code avx2-kernels} run of autodiff/pom.xml passes {@code -XX:UseAVX=2} and {@code
 * -Dvecgrad.test.maxVectorBits=256}, so that an AVX-512 machine also tests the six-row tile of
 * 16-register machines. This test proves that the limit took.
 */
class VectorWidthTest {
  @Test
  void theGemmTileFollowsTheVectorWidthWithinTheRunsLimit() {
    int bits = Simd.F64.vectorBitSize();
    int rows = bits >= 512 ? 12 : 6;
    assertEquals(rows, GemmF64.MR, "F64 tile rows at " + bits + "-bit vectors");
    assertEquals(rows, GemmF32.MR, "F32 tile rows at " + bits + "-bit vectors");
    assertEquals(2 * Simd.F64_LANES, GemmF64.NR);
    assertEquals(2 * Simd.F32_LANES, GemmF32.NR);
    int limit = Integer.getInteger("vecgrad.test.maxVectorBits", Integer.MAX_VALUE);
    assertTrue(
        bits <= limit,
        () ->
            bits + "-bit vectors in a run limited to " + limit + " bits: -XX:UseAVX not honoured?");
  }
}
