package org.vecgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The row blocks of the packed GEMM's shared-B path ({@code GemmF64.rowBlocks}, {@code
 * blockStart}): they tile the rows exactly, in whole MR panels, at most MC rows each, with sizes at
 * most one panel apart, and their count is a multiple of the threads unless there are fewer panels.
 * (The products themselves are checked bit for bit in {@link MatMulTest}, on one and two threads.)
 */
class GemmRowBlocksTest {

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 3, 8})
  void blocksTileTheRowsEvenly(int threads) {
    int saved = Parallel.threads();
    try {
      Parallel.setThreads(threads);
      for (int m = 4 * GemmF64.MR; m <= 3000; m += 7) {
        check(m, GemmF64.rowBlocks(m), GemmF64.MR, GemmF64.MC, threads, "F64");
        check(m, GemmF32.rowBlocks(m), GemmF32.MR, GemmF32.MC, threads, "F32");
      }
    } finally {
      Parallel.setThreads(saved);
    }
  }

  private static void check(int m, int blocks, int mr, int mc, int threads, String dtype) {
    String where = dtype + " m=" + m + ", " + blocks + " blocks";
    int panels = (m + mr - 1) / mr;
    assertTrue(blocks >= 2, where);
    assertTrue(blocks % threads == 0 || blocks == panels, where + ": not a multiple of threads");
    int start = blockStart(dtype, 0, blocks, panels);
    assertEquals(0, start, where);
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int b = 0; b < blocks; b++) {
      int end = blockStart(dtype, b + 1, blocks, panels);
      int rows = end - start;
      assertEquals(0, rows % mr, where + ": block " + b + " is not whole panels");
      assertTrue(rows >= mr && rows <= mc, where + ": block " + b + " has " + rows + " rows");
      smallest = Math.min(smallest, rows);
      largest = Math.max(largest, rows);
      start = end;
    }
    assertEquals(panels * mr, start, where + ": blocks do not end at the last panel");
    assertTrue(largest - smallest <= mr, where + ": sizes " + smallest + " to " + largest);
  }

  private static int blockStart(String dtype, int blk, int blocks, int panels) {
    return dtype.equals("F64")
        ? GemmF64.blockStart(blk, blocks, panels)
        : GemmF32.blockStart(blk, blocks, panels);
  }
}
