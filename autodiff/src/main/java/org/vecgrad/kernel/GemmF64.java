package org.vecgrad.kernel;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The F64 kernels behind {@link MatMul#gemm} (dispatched by {@link MatMulF64}): a cache-blocked,
 * packed SIMD path for large products, a light SIMD path for small ones and a scalar path for
 * {@code -Dvecgrad.simd=false}.
 *
 * <h2>Blocking scheme (as in BLIS)</h2>
 *
 * <pre>
 * for jc in [0, n) step NC            columns of C
 *   for pc in [0, k) step kc          equal k blocks of at most DEEP_CHUNKS × KC (one KC with few rows)
 *     pack B[pc:pc+kc, jc:jc+nc]      into NR-wide panels of KC-deep chunks   → L2/L3, shared
 *     for ic in [0, m) step mc        row blocks, spread over the threads
 *       pack A[ic:ic+mc, pc:pc+kc]    into MR-tall panels of KC-deep chunks   → L2, per thread
 *       for jr in [0, nc) step NR     one B panel stays in L1 or L2 ...
 *         for ir in [0, mc) step MR   ... while the A panels stream past it
 *           for each chunk            C tile from memory on the first, from L1 after
 *             micro-kernel: C[MR × NR] = C + Achunk · Bchunk, in MR × 2 vector registers
 * </pre>
 *
 * The block sizes are set in bytes (2 KiB of k, 768 B of rows, 16 KiB of columns) and divided by
 * {@link #ELEMENT_BYTES}: KC = 256, MC = 96, NC = 2048 for F64, chosen on AVX-512 (32 KiB L1d, 1
 * MiB L2), where halving or doubling them moved n = 1024 by less than the run-to-run noise; 512,
 * 192, 4096 for F32, where the same bytes measured at least as fast as the F64 element counts (best
 * of N on a loaded machine: the differences were within its noise). A k block on the shared-B path
 * holds {@link #DEEP_CHUNKS} chunks of KC: 512 k steps in both dtypes, so that loading the C tile
 * once per block costs little (see there). {@code -Dvecgrad.gemm.f64.kc} (or {@code .mc}, {@code
 * .nc}) overrides one dtype, {@code -Dvecgrad.gemm.kc} both, {@code -Dvecgrad.gemm.kchunks} the
 * chunks, for tuning on another machine. None of them changes a result (see "Determinism").
 *
 * <p>Packing is where transposes are absorbed: whatever the layout of A and B, a chunk of a packed
 * A panel holds its MR rows {@code A[i, p..p+KC]} one after the other, {@link #A_STRIDE} apart, and
 * a chunk of a packed B panel holds, for each p, the NR values {@code B[p, j..j+NR]} side by side,
 * so the micro-kernel reads MR + 1 contiguous streams. A row-major A (the usual case) then packs by
 * copying rows; only a transposed A, or a transposed B, is interleaved value by value. (A panels
 * used to hold the MR values of each p side by side, one stream: row-major panels packed by copying
 * ran products 1.05–1.16× faster, F32 and F64, from the layer shapes to 1024³, two builds
 * alternating in one JVM.) Each chunk is its own array, so the micro-kernel indexes it from 0 with
 * constant offsets: fewer live registers and bounds checks that C2 can hoist (worth about 20% on
 * the kernel). A kernel that walked the chunks itself, with the accumulators live across two nested
 * loops, compiled to FMAs on boxed vectors (20× slower); one chunk per call compiles as before.
 * Padding the panels with zeros makes every tile full-size; edge tiles go through a small scratch
 * tile.
 *
 * <h2>Register tile</h2>
 *
 * Two vectors wide (NR = 2·lanes) and MR rows tall, MR chosen by the register file: 12 rows (24
 * accumulators) when vectors are 512 bits wide (AVX-512 has 32 registers), 6 rows (12 accumulators)
 * otherwise (AVX2 has 16). Each step loads two B vectors, broadcasts MR values of A and issues 2·MR
 * independent FMAs, enough to hide the FMA latency. Larger tiles or unrolling the 6-row kernel made
 * C2 spill (measured); neither kernel is unrolled (see {@link #kernel12x2} for why).
 *
 * <h2>Determinism</h2>
 *
 * The micro-kernel starts its accumulators from C (from zero on the first k block), so every
 * element of C is one unbroken chain of FMAs over p = 0..k-1 in order, whatever the blocking, the
 * tile an element falls in, or the rows and columns a call is given. Splitting C across threads
 * cannot change a bit, and the light path computes exactly the same chains.
 *
 * <h2>F32 twin</h2>
 *
 * The build generates {@code GemmF32} from this file (autodiff/pom.xml: {@code double} becomes
 * {@code float}, {@code Double} {@code Float}, {@code F64} {@code F32}); tile widths are in lanes,
 * so they follow the species. Edit this file only.
 */
final class GemmF64 {
  private GemmF64() {}

  /** The widest species the CPU supports (4 doubles with AVX2, 8 with AVX-512). */
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private static final int LANES = SPECIES.length();

  /**
   * The concrete vector class of {@link #SPECIES}: stores cast to it so that C2 knows the class
   * exactly (see {@link #kernel12x2}).
   */
  private static final Class<? extends Vector<Double>> VECTOR_CLASS = SPECIES.vectorType();

  /** 512-bit vectors come with 32 vector registers on x86 (AVX-512): room for a 12-row tile. */
  private static final boolean TALL_TILE = SPECIES.vectorBitSize() >= 512;

  /** Rows of the register tile. */
  static final int MR = TALL_TILE ? 12 : 6;

  /** Columns of the register tile: two vectors. */
  static final int NR = 2 * LANES;

  /** Bytes of one element: the block sizes below are set in bytes, so they follow the dtype. */
  static final int ELEMENT_BYTES = Double.BYTES;

  /**
   * Depth of a chunk of packed panels (elements): the micro-kernel's k loop. A packed B chunk
   * ({@code KC × NR}) is {@code KC × 128} bytes on AVX-512 whatever the dtype, since NR is two
   * vectors: one L1 cache, so a B chunk read by a few A panels in turn stays there.
   */
  static final int KC = blockSize("kc", 2048);

  /**
   * Chunks in a k block where many rows share the packed B block: enough for 512 k steps (two F64
   * chunks, one F32 chunk; {@code -Dvecgrad.gemm.kchunks} overrides). The macro-kernel runs the
   * chunks of one C tile back to back, so the tile comes from memory once per k block and from L1
   * for the other chunks; on a C larger than the caches those first loads miss, and their cost per
   * FMA falls with the steps of a block. Two F64 chunks against one, measured in one JVM (two class
   * loaders, 24 rounds): 1024³ 1.12×, 2048³ 1.10×, 512³ 1.16×, the layer shapes 1.03–1.06×; two F32
   * chunks against one: 0.95–1.05× (hence one).
   */
  static final int DEEP_CHUNKS = Integer.getInteger("vecgrad.gemm.kchunks", ceilDiv(512, KC));

  /**
   * Distance between the rows of a packed A chunk, in elements: KC and one cache line. A chunk
   * holds its MR rows one after the other, so that a row-major A packs by copying runs of its rows;
   * the line keeps the rows' streams off the same L1 sets (a stride of exactly KC would be 2 KiB).
   * The stride is a constant in the micro-kernel's addressing; rows twice as far apart, for k
   * blocks twice as deep without chunks, ran the layer shapes (k ≤ KC) 3–10 % slower.
   */
  static final int A_STRIDE = KC + 64 / ELEMENT_BYTES;

  /** Rows of a packed A block ({@code MC × KC} elements, in L2). A multiple of MR. */
  static final int MC = roundUp(blockSize("mc", 768), MR);

  /** Columns of a packed B block ({@code KC × NC} elements, in L2/L3). A multiple of NR. */
  static final int NC = roundUp(blockSize("nc", 16384), NR);

  /**
   * A block size in elements: {@code -Dvecgrad.gemm.f64.<name>} (this dtype only), else {@code
   * -Dvecgrad.gemm.<name>} (both dtypes), else {@code bytes / ELEMENT_BYTES}.
   */
  private static int blockSize(String name, int bytes) {
    return Integer.getInteger(
        "vecgrad.gemm.f64." + name,
        Integer.getInteger("vecgrad.gemm." + name, bytes / ELEMENT_BYTES));
  }

  /**
   * Per-thread packing buffers, reused across calls. Panels are allocated on first use, so a thread
   * that only multiplies small matrices holds small buffers.
   */
  private static final class PackBuffers {
    final double[][][] panelsA = new double[MC / MR][][];
    final double[][][] panelsB = new double[NC / NR][][];

    /** B panels shared with other threads; separate because they stay in use while we wait. */
    final double[][][] sharedPanelsB = new double[NC / NR][][];

    /** True while {@link #sharedPanelsB} is in use by a call further up this thread's stack. */
    boolean sharing;

    final double[] tile = new double[MR * NR];
    double[] scratch = new double[0];

    double[] scratch(int size) {
      if (scratch.length < size) {
        scratch = new double[size];
      }
      return scratch;
    }
  }

  /**
   * Makes sure the first {@code count} panels exist, each with {@code chunks} chunks of {@code
   * size} elements.
   */
  private static double[][][] panels(double[][][] panels, int count, int chunks, int size) {
    for (int i = 0; i < count; i++) {
      if (panels[i] == null || panels[i].length < chunks) {
        panels[i] = new double[chunks][];
      }
      for (int q = 0; q < chunks; q++) {
        if (panels[i][q] == null || panels[i][q].length < size) {
          panels[i][q] = new double[size];
        }
      }
    }
    return panels;
  }

  private static final ThreadLocal<PackBuffers> PACK_BUFFERS =
      ThreadLocal.withInitial(PackBuffers::new);

  // ---------------------------------------------------------------------------------------------
  // Packed path

  /**
   * {@code C = op(A)·op(B)} on the packed path, on as many threads as {@link Parallel} allows.
   * Arguments as in {@link MatMul#gemm}; {@code m, n, k > 0}.
   *
   * <p>With enough rows, each packed B block is shared: the calling thread packs it, then the row
   * blocks are spread over the threads, each packing its own A block into its own pack buffers (as
   * BLIS splits its ic loop). With few rows, the columns of C are split instead, each chunk packing
   * its own B panels and the (small) A. Either way each thread writes disjoint parts of C.
   */
  static void packed(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    long flops = cost(2L * m * n * k);
    if (m >= 4 * MR) {
      sharedB(transA, transB, m, n, k, a, b, c);
    } else {
      int grain = roundUp(ceilDiv(n, 2), NR);
      Parallel.forRange(
          n, grain, flops, (j0, j1) -> block(transA, transB, m, n, k, a, b, c, j0, j1));
    }
  }

  /**
   * Work as {@link Parallel} weighs it, in F64 flops (about 50 µs of gemm at its threshold): a flop
   * on narrower elements takes proportionally less time, as vectors hold more of them.
   */
  private static long cost(long flops) {
    return flops * ELEMENT_BYTES / 8;
  }

  /** Equal k blocks of at most {@code chunks} chunks: no thin last block. */
  private static int kBlock(int k, int chunks) {
    return ceilDiv(k, ceilDiv(k, chunks * KC));
  }

  private static void sharedB(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    PackBuffers ws = PACK_BUFFERS.get();
    if (ws.sharing) {
      // Re-entered while this thread waits for helpers of an outer product: stay on this thread.
      block(transA, transB, m, n, k, a, b, c, 0, n);
      return;
    }
    int kBlock = kBlock(k, DEEP_CHUNKS);
    int chunks = ceilDiv(kBlock, KC);
    double[][][] panelsB = panels(ws.sharedPanelsB, ceilDiv(Math.min(NC, n), NR), chunks, NR * KC);
    ws.sharing = true;
    try {
      sharedBLoop(transA, transB, m, n, k, a, b, c, kBlock, chunks, rowBlocks(m), panelsB);
    } finally {
      ws.sharing = false;
    }
  }

  private static void sharedBLoop(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double[] a,
      double[] b,
      double[] c,
      int kBlock,
      int chunks,
      int rowBlocks,
      double[][][] panelsB) {
    int rowPanels = ceilDiv(m, MR);
    int blockPanels = ceilDiv(rowPanels, rowBlocks); // the largest block, for the A buffers
    for (int jc = 0; jc < n; jc += NC) {
      int nc = Math.min(NC, n - jc);
      for (int pc = 0; pc < k; pc += kBlock) {
        int kc = Math.min(kBlock, k - pc);
        packB(transB, n, k, b, pc, kc, jc, nc, panelsB);
        int jc0 = jc;
        int pc0 = pc;
        Parallel.forRange(
            rowBlocks,
            1,
            cost(2L * m * nc * kc),
            (r0, r1) -> {
              PackBuffers own = PACK_BUFFERS.get();
              panels(own.panelsA, blockPanels, chunks, MR * A_STRIDE);
              for (int blk = r0; blk < r1; blk++) {
                int ic = blockStart(blk, rowBlocks, rowPanels);
                int mc = Math.min(m, blockStart(blk + 1, rowBlocks, rowPanels)) - ic;
                packA(transA, m, k, a, ic, mc, pc0, kc, own.panelsA);
                macroKernel(
                    mc, nc, kc, own.panelsA, panelsB, c, ic * n + jc0, n, pc0 == 0, own.tile);
              }
            });
      }
    }
  }

  /**
   * The number of row blocks the shared-B path splits m rows into: blocks of whole MR panels, at
   * most MC rows each, at least two, and as many as a multiple of the threads, so that with blocks
   * as equal as {@link #blockStart} makes them the threads finish together. Blocks of exactly MC
   * rows left the threads unequal shares: 1024 rows made 11 F64 blocks (one thread took 6) and 6
   * F32 blocks of which the last had 64 rows (one thread took 576 rows, the other 448).
   */
  static int rowBlocks(int m) {
    int rowPanels = ceilDiv(m, MR);
    int blocks = roundUp(Math.max(2, ceilDiv(rowPanels, MC / MR)), Parallel.threads());
    return Math.min(rowPanels, blocks);
  }

  /**
   * The first row of block {@code blk} of {@code blocks} over {@code rowPanels} MR-row panels: the
   * panels are shared out evenly, the first {@code rowPanels % blocks} blocks taking one more.
   * Block {@code blocks} starts at {@code rowPanels · MR}, at or past the last row.
   */
  static int blockStart(int blk, int blocks, int rowPanels) {
    return MR * (blk * (rowPanels / blocks) + Math.min(blk, rowPanels % blocks));
  }

  /** Computes the columns {@code [j0, j1)} of C on the calling thread. */
  private static void block(
      boolean transA,
      boolean transB,
      int m,
      int n,
      int k,
      double[] a,
      double[] b,
      double[] c,
      int j0,
      int j1) {
    PackBuffers ws = PACK_BUFFERS.get();
    // Few rows: few A panels read each B chunk, so one chunk per k block keeps it in L1.
    int kBlock = kBlock(k, m < 4 * MR ? 1 : DEEP_CHUNKS);
    int chunks = ceilDiv(kBlock, KC);
    panels(ws.panelsA, ceilDiv(Math.min(MC, m), MR), chunks, MR * A_STRIDE);
    panels(ws.panelsB, ceilDiv(Math.min(NC, j1 - j0), NR), chunks, NR * KC);
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += kBlock) {
        int kc = Math.min(kBlock, k - pc);
        packB(transB, n, k, b, pc, kc, jc, nc, ws.panelsB);
        for (int ic = 0; ic < m; ic += MC) {
          int mc = Math.min(MC, m - ic);
          packA(transA, m, k, a, ic, mc, pc, kc, ws.panelsA);
          macroKernel(mc, nc, kc, ws.panelsA, ws.panelsB, c, ic * n + jc, n, pc == 0, ws.tile);
        }
      }
    }
  }

  /**
   * Packs {@code op(A)[ic:ic+mc, pc:pc+kc]} into MR-row panels of KC-deep chunks: {@code
   * panels[t][q]} holds rows {@code ic + t*MR ...} at {@code p = pc + q*KC ...}, row r at {@code r
   * * A_STRIDE}. Rows past {@code mc} are zero.
   */
  private static void packA(
      boolean transA,
      int m,
      int k,
      double[] a,
      int ic,
      int mc,
      int pc,
      int kc,
      double[][][] panels) {
    for (int ir = 0; ir < mc; ir += MR) {
      int rows = Math.min(MR, mc - ir);
      for (int q0 = 0; q0 < kc; q0 += KC) {
        double[] pa = panels[ir / MR][q0 / KC];
        int len = Math.min(KC, kc - q0);
        if (transA) {
          // A(i, p) = a[p*m + i]: the rows of the panel are columns of a.
          interleave(a, (pc + q0) * m + ic + ir, m, len, rows, pa, A_STRIDE);
        } else {
          // A(i, p) = a[i*k + p]: each row of the chunk is a run of a row of a.
          for (int r = 0; r < rows; r++) {
            System.arraycopy(a, (ic + ir + r) * k + pc + q0, pa, r * A_STRIDE, len);
          }
        }
        for (int r = rows; r < MR; r++) { // a short last panel: zero rows
          Arrays.fill(pa, r * A_STRIDE, r * A_STRIDE + len, 0);
        }
      }
    }
  }

  /**
   * Packs {@code op(B)[pc:pc+kc, jc:jc+nc]} into NR-column panels of KC-deep chunks: {@code
   * panels[j][q]} holds, for each p from {@code pc + q*KC}, the NR values of row p in columns
   * {@code jc + j*NR ...}. Columns past {@code nc} are zero.
   */
  private static void packB(
      boolean transB,
      int n,
      int k,
      double[] b,
      int pc,
      int kc,
      int jc,
      int nc,
      double[][][] panels) {
    for (int jr = 0; jr < nc; jr += NR) {
      int cols = Math.min(NR, nc - jr);
      for (int q0 = 0; q0 < kc; q0 += KC) {
        double[] pb = panels[jr / NR][q0 / KC];
        int p0 = pc + q0; // this chunk: rows p0 .. p0+len-1 of op(B)
        int len = Math.min(KC, kc - q0);
        if (transB) {
          // B(p, j) = b[j*k + p]: rows of b become the panel's columns.
          interleave(b, (jc + jr) * k + p0, k, cols, len, pb, NR);
          if (cols < NR) {
            zeroColumns(pb, len, NR, cols);
          }
        } else if (cols == NR) {
          // B(p, j) = b[p*n + j]: the NR values of one p are contiguous: copy them as vectors.
          for (int p = 0; p < len; p++) {
            int src = (p0 + p) * n + jc + jr;
            for (int v = 0; v < NR; v += LANES) {
              DoubleVector.fromArray(SPECIES, b, src + v).intoArray(pb, p * NR + v);
            }
          }
        } else {
          for (int p = 0; p < len; p++) {
            int src = (p0 + p) * n + jc + jr;
            System.arraycopy(b, src, pb, p * NR, cols);
            Arrays.fill(pb, p * NR + cols, (p + 1) * NR, 0);
          }
        }
      }
    }
  }

  /**
   * Interleaves {@code count} rows of a row-major source into a panel {@code width} values wide:
   * {@code dst[p*width + i] = src[s0 + i*ld + p]} for p &lt; kc (columns from {@code count} on are
   * left as they are). This is the packing of a transposed B (rows of b become columns of op(B))
   * and of a transposed A (columns of a become rows of the panel).
   *
   * <p>Eight p at a time: each row gives eight consecutive values (one read of a cache line), which
   * go to eight rows of the panel. One p per pass, reading {@code count} rows with stride {@code
   * ld} for each row of the panel, ran 1.3–1.8× slower (transposed B); one source row at a time
   * over all p, writing with stride {@code width}, 1.5–1.9× slower (A), both measured in isolation.
   */
  private static void interleave(
      double[] src, int s0, int ld, int count, int kc, double[] dst, int width) {
    int p = 0;
    for (; p + 8 <= kc; p += 8) {
      int d = p * width;
      for (int i = 0, s = s0 + p; i < count; i++, s += ld) {
        double v0 = src[s];
        double v1 = src[s + 1];
        double v2 = src[s + 2];
        double v3 = src[s + 3];
        double v4 = src[s + 4];
        double v5 = src[s + 5];
        double v6 = src[s + 6];
        double v7 = src[s + 7];
        dst[d + i] = v0;
        dst[d + width + i] = v1;
        dst[d + 2 * width + i] = v2;
        dst[d + 3 * width + i] = v3;
        dst[d + 4 * width + i] = v4;
        dst[d + 5 * width + i] = v5;
        dst[d + 6 * width + i] = v6;
        dst[d + 7 * width + i] = v7;
      }
    }
    for (; p < kc; p++) {
      for (int i = 0, s = s0 + p; i < count; i++, s += ld) {
        dst[p * width + i] = src[s];
      }
    }
  }

  /**
   * Zeroes columns {@code count..width-1} of the first {@code kc} rows of a panel {@code width}
   * wide (a short last B panel). Apart from {@link #interleave} so that method stays under C2's
   * inlining limit for hot methods (325 bytes of bytecode): inlined into packB, its {@code width}
   * is a constant there.
   */
  private static void zeroColumns(double[] dst, int kc, int width, int count) {
    for (int q = 0; q < kc; q++) {
      Arrays.fill(dst, q * width + count, (q + 1) * width, 0);
    }
  }

  /**
   * Multiplies a packed {@code mc × kc} A block by a packed {@code kc × nc} B block (both in
   * KC-deep chunks) into C at {@code c0} (row stride {@code ldc}), starting from zero when {@code
   * first}, else from C.
   */
  private static void macroKernel(
      int mc,
      int nc,
      int kc,
      double[][][] panelsA,
      double[][][] panelsB,
      double[] c,
      int c0,
      int ldc,
      boolean first,
      double[] tile) {
    for (int jr = 0; jr < nc; jr += NR) {
      double[][] pb = panelsB[jr / NR];
      int cols = Math.min(NR, nc - jr);
      for (int ir = 0; ir < mc; ir += MR) {
        double[][] pa = panelsA[ir / MR];
        int rows = Math.min(MR, mc - ir);
        int ci = c0 + ir * ldc + jr;
        if (rows == MR && cols == NR) {
          runChunks(kc, pa, pb, c, ci, ldc, first);
        } else {
          // Edge tile: run the full tile on a scratch copy, then keep its valid corner.
          if (!first) {
            copyCorner(c, ci, ldc, tile, 0, NR, rows, cols);
          }
          runChunks(kc, pa, pb, tile, 0, NR, first);
          copyCorner(tile, 0, NR, c, ci, ldc, rows, cols);
        }
      }
    }
  }

  /**
   * The chunks of one tile's k block back to back: the first reads C from memory (unless {@code
   * first}), the others find it in L1 where the previous one stored it.
   */
  private static void runChunks(
      int kc, double[][] pa, double[][] pb, double[] c, int ci, int ldc, boolean first) {
    for (int q0 = 0, q = 0; q0 < kc; q0 += KC, q++) {
      microKernel(Math.min(KC, kc - q0), pa[q], pb[q], c, ci, ldc, first && q == 0);
    }
  }

  /** Copies a {@code rows × cols} block between two row-major arrays. */
  private static void copyCorner(
      double[] src, int s0, int lds, double[] dst, int d0, int ldd, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, s0 + r * lds, dst, d0 + r * ldd, cols);
    }
  }

  /**
   * {@code C[MR × NR] = C + A panel · B panel} over {@code kc} steps (from zero instead of C when
   * {@code first}), with the C tile in registers. No helper takes or returns a vector: a call that
   * is not inlined would box it.
   */
  private static void microKernel(
      int kc, double[] pa, double[] pb, double[] c, int ci, int ldc, boolean first) {
    if (TALL_TILE) {
      kernel12x2(kc, pa, pb, c, ci, ldc, first);
    } else {
      kernel6x2(kc, pa, pb, c, ci, ldc, first);
    }
  }

  /**
   * The 12 × 2-vector tile for 32-register machines: 24 accumulators, two B vectors and one
   * broadcast, one k step per iteration. It used to do two steps per iteration; in a training loop
   * C2 then at times compiled the generated F32 twin with its FMAs left as calls on boxed vectors
   * (every FMA allocating: the F32 train step ran at 4.4k instead of 22k samples/s), while the
   * single step compiles to straight vector code in both dtypes at the same GFLOP/s, and any k
   * depth needs neither padding nor a tail loop. Kept small, the method is also easy for C1 to
   * compile; when C1 gave up on it, HotSpot sometimes left it in slow tier-2 code for seconds.
   *
   * <p>Every store casts its accumulator with {@link #VECTOR_CLASS} first. On JDK 17, C2 inlines
   * the vector intrinsics late, after parsing; {@code intoArray} reads its species from the
   * receiver's class, and when C2 does not know that class exactly where the store is expanded, the
   * species is not a constant and the store intrinsic fails ({@code -XX:+PrintIntrinsics}: {@code
   * missing constant: vclass=DecodeN}): the store then runs lane by lane on a boxed vector. Whether
   * it knew depended on the order of the late inlining: with the stores on {@code zero.add(acc)}
   * (the earlier workaround), 15 to 30 of the 24 stores failed in about half of the JVM starts of
   * the F32 training loop, which then ran at 16–27k instead of 31–35k samples/s (single thread, 30
   * % of its time in the boxed stores); on the accumulator itself, in about one start in three.
   * {@code Class.cast} with a constant class is a parse-time intrinsic that gives the value its
   * exact class whatever is inlined later: 0 failed stores in 27 starts across dtypes and batch
   * sizes (JDK 25 has no failures either way). The cast is one class compare per store. {@code
   * GemmCompilationTest} checks the compiled stores in fresh JVMs.
   */
  private static void kernel12x2(
      int kc, double[] pa, double[] pb, double[] c, int ci, int ldc, boolean first) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector c0a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci);
    DoubleVector c0b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + LANES);
    DoubleVector c1a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 1 * ldc);
    DoubleVector c1b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 1 * ldc + LANES);
    DoubleVector c2a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc);
    DoubleVector c2b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + LANES);
    DoubleVector c3a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc);
    DoubleVector c3b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + LANES);
    DoubleVector c4a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 4 * ldc);
    DoubleVector c4b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 4 * ldc + LANES);
    DoubleVector c5a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 5 * ldc);
    DoubleVector c5b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 5 * ldc + LANES);
    DoubleVector c6a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 6 * ldc);
    DoubleVector c6b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 6 * ldc + LANES);
    DoubleVector c7a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 7 * ldc);
    DoubleVector c7b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 7 * ldc + LANES);
    DoubleVector c8a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 8 * ldc);
    DoubleVector c8b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 8 * ldc + LANES);
    DoubleVector c9a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 9 * ldc);
    DoubleVector c9b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 9 * ldc + LANES);
    DoubleVector c10a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 10 * ldc);
    DoubleVector c10b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 10 * ldc + LANES);
    DoubleVector c11a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 11 * ldc);
    DoubleVector c11b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 11 * ldc + LANES);
    for (int p = 0; p < kc; p++) {
      int b = p * NR;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, pb, b);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, pb, b + LANES);
      DoubleVector x = DoubleVector.broadcast(SPECIES, pa[p]);
      c0a = x.fma(b0, c0a);
      c0b = x.fma(b1, c0b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 1 * A_STRIDE]);
      c1a = x.fma(b0, c1a);
      c1b = x.fma(b1, c1b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 2 * A_STRIDE]);
      c2a = x.fma(b0, c2a);
      c2b = x.fma(b1, c2b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 3 * A_STRIDE]);
      c3a = x.fma(b0, c3a);
      c3b = x.fma(b1, c3b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 4 * A_STRIDE]);
      c4a = x.fma(b0, c4a);
      c4b = x.fma(b1, c4b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 5 * A_STRIDE]);
      c5a = x.fma(b0, c5a);
      c5b = x.fma(b1, c5b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 6 * A_STRIDE]);
      c6a = x.fma(b0, c6a);
      c6b = x.fma(b1, c6b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 7 * A_STRIDE]);
      c7a = x.fma(b0, c7a);
      c7b = x.fma(b1, c7b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 8 * A_STRIDE]);
      c8a = x.fma(b0, c8a);
      c8b = x.fma(b1, c8b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 9 * A_STRIDE]);
      c9a = x.fma(b0, c9a);
      c9b = x.fma(b1, c9b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 10 * A_STRIDE]);
      c10a = x.fma(b0, c10a);
      c10b = x.fma(b1, c10b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 11 * A_STRIDE]);
      c11a = x.fma(b0, c11a);
      c11b = x.fma(b1, c11b);
    }
    ((DoubleVector) VECTOR_CLASS.cast(c0a)).intoArray(c, ci);
    ((DoubleVector) VECTOR_CLASS.cast(c0b)).intoArray(c, ci + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c1a)).intoArray(c, ci + 1 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c1b)).intoArray(c, ci + 1 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c2a)).intoArray(c, ci + 2 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c2b)).intoArray(c, ci + 2 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c3a)).intoArray(c, ci + 3 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c3b)).intoArray(c, ci + 3 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c4a)).intoArray(c, ci + 4 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c4b)).intoArray(c, ci + 4 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c5a)).intoArray(c, ci + 5 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c5b)).intoArray(c, ci + 5 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c6a)).intoArray(c, ci + 6 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c6b)).intoArray(c, ci + 6 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c7a)).intoArray(c, ci + 7 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c7b)).intoArray(c, ci + 7 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c8a)).intoArray(c, ci + 8 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c8b)).intoArray(c, ci + 8 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c9a)).intoArray(c, ci + 9 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c9b)).intoArray(c, ci + 9 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c10a)).intoArray(c, ci + 10 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c10b)).intoArray(c, ci + 10 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c11a)).intoArray(c, ci + 11 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c11b)).intoArray(c, ci + 11 * ldc + LANES);
  }

  /**
   * The 6 × 2-vector tile for 16-register machines: 12 accumulators, two B vectors and one
   * broadcast. Not unrolled: C2 would hoist the next step's B loads and spill.
   */
  private static void kernel6x2(
      int kc, double[] pa, double[] pb, double[] c, int ci, int ldc, boolean first) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    DoubleVector c0a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci);
    DoubleVector c0b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + LANES);
    DoubleVector c1a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 1 * ldc);
    DoubleVector c1b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 1 * ldc + LANES);
    DoubleVector c2a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc);
    DoubleVector c2b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 2 * ldc + LANES);
    DoubleVector c3a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc);
    DoubleVector c3b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 3 * ldc + LANES);
    DoubleVector c4a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 4 * ldc);
    DoubleVector c4b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 4 * ldc + LANES);
    DoubleVector c5a = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 5 * ldc);
    DoubleVector c5b = first ? zero : DoubleVector.fromArray(SPECIES, c, ci + 5 * ldc + LANES);
    int p = 0;
    for (; p < kc; p++) {
      int b = p * NR;
      DoubleVector b0 = DoubleVector.fromArray(SPECIES, pb, b);
      DoubleVector b1 = DoubleVector.fromArray(SPECIES, pb, b + LANES);
      DoubleVector x = DoubleVector.broadcast(SPECIES, pa[p]);
      c0a = x.fma(b0, c0a);
      c0b = x.fma(b1, c0b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 1 * A_STRIDE]);
      c1a = x.fma(b0, c1a);
      c1b = x.fma(b1, c1b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 2 * A_STRIDE]);
      c2a = x.fma(b0, c2a);
      c2b = x.fma(b1, c2b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 3 * A_STRIDE]);
      c3a = x.fma(b0, c3a);
      c3b = x.fma(b1, c3b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 4 * A_STRIDE]);
      c4a = x.fma(b0, c4a);
      c4b = x.fma(b1, c4b);
      x = DoubleVector.broadcast(SPECIES, pa[p + 5 * A_STRIDE]);
      c5a = x.fma(b0, c5a);
      c5b = x.fma(b1, c5b);
    }
    ((DoubleVector) VECTOR_CLASS.cast(c0a)).intoArray(c, ci);
    ((DoubleVector) VECTOR_CLASS.cast(c0b)).intoArray(c, ci + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c1a)).intoArray(c, ci + 1 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c1b)).intoArray(c, ci + 1 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c2a)).intoArray(c, ci + 2 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c2b)).intoArray(c, ci + 2 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c3a)).intoArray(c, ci + 3 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c3b)).intoArray(c, ci + 3 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c4a)).intoArray(c, ci + 4 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c4b)).intoArray(c, ci + 4 * ldc + LANES);
    ((DoubleVector) VECTOR_CLASS.cast(c5a)).intoArray(c, ci + 5 * ldc);
    ((DoubleVector) VECTOR_CLASS.cast(c5b)).intoArray(c, ci + 5 * ldc + LANES);
  }

  // ---------------------------------------------------------------------------------------------
  // Light path: no packing

  /**
   * {@code C = op(A)·op(B)} without packing, for products too small to pay for it and for very few
   * rows or columns. A is read in place through strides; a transposed B is first copied row-major
   * into a per-thread scratch (one pass over B: small next to the product unless m is tiny). Tiles
   * of 4 rows by two vectors keep their accumulators in registers over the whole k loop, and each
   * element is the same FMA chain as on the packed path.
   */
  static void small(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    int rowStride = transA ? 1 : k; // A(i, p) = a[i*rowStride + p*colStride]
    int colStride = transA ? m : 1;
    double[] rb = b; // rb[p*n + j] = B(p, j)
    if (transB) {
      rb = PACK_BUFFERS.get().scratch(k * n);
      ArrayOpsF64.transpose(b, n, k, rb);
    }
    int i = 0;
    if (n == 1) {
      i = matrixVector8(a, rowStride, colStride, rb, m, k, c);
    }
    for (; i + 4 <= m; i += 4) {
      smallRows4(a, i * rowStride, rowStride, colStride, rb, n, k, c, i * n);
    }
    for (; i < m; i++) {
      smallRow(a, i * rowStride, colStride, rb, n, k, c, i * n);
    }
  }

  /**
   * {@code c = A·x} for one column, eight rows at a time, each element its own FMA chain over p in
   * order (as on every path); returns the number of rows done (a multiple of eight). Lanes cannot
   * run along a row without changing that order, and across rows they need strided loads: gathers
   * ran at half the speed of these scalar chains. Eight chains instead of the four of {@link
   * #smallRows4}'s scalar tail: 1.6–1.8× on 1024×1024·1024×1, 512×300·300×1 and 4096×256·256×1 F32
   * (in-process A/B of the two builds, same bits).
   */
  private static int matrixVector8(
      double[] a, int rs, int cs, double[] x, int m, int k, double[] c) {
    int i = 0;
    for (; i + 8 <= m; i += 8) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double s6 = 0;
      double s7 = 0;
      int a0 = i * rs;
      for (int p = 0; p < k; p++) {
        double y = x[p];
        int ai = a0 + p * cs;
        s0 = Math.fma(a[ai], y, s0);
        s1 = Math.fma(a[ai + rs], y, s1);
        s2 = Math.fma(a[ai + 2 * rs], y, s2);
        s3 = Math.fma(a[ai + 3 * rs], y, s3);
        s4 = Math.fma(a[ai + 4 * rs], y, s4);
        s5 = Math.fma(a[ai + 5 * rs], y, s5);
        s6 = Math.fma(a[ai + 6 * rs], y, s6);
        s7 = Math.fma(a[ai + 7 * rs], y, s7);
      }
      c[i] = s0;
      c[i + 1] = s1;
      c[i + 2] = s2;
      c[i + 3] = s3;
      c[i + 4] = s4;
      c[i + 5] = s5;
      c[i + 6] = s6;
      c[i + 7] = s7;
    }
    return i;
  }

  /** Computes four rows of C; row r of A starts at {@code a0 + r*rs} and steps by {@code cs}. */
  private static void smallRows4(
      double[] a, int a0, int rs, int cs, double[] b, int n, int k, double[] c, int c0) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int j = 0;
    for (; j <= n - NR; j += NR) {
      DoubleVector c00 = zero;
      DoubleVector c01 = c00;
      DoubleVector c10 = c00;
      DoubleVector c11 = c00;
      DoubleVector c20 = c00;
      DoubleVector c21 = c00;
      DoubleVector c30 = c00;
      DoubleVector c31 = c00;
      for (int p = 0; p < k; p++) {
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, p * n + j);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, p * n + j + LANES);
        int ai = a0 + p * cs;
        DoubleVector x = DoubleVector.broadcast(SPECIES, a[ai]);
        c00 = x.fma(b0, c00);
        c01 = x.fma(b1, c01);
        x = DoubleVector.broadcast(SPECIES, a[ai + rs]);
        c10 = x.fma(b0, c10);
        c11 = x.fma(b1, c11);
        x = DoubleVector.broadcast(SPECIES, a[ai + 2 * rs]);
        c20 = x.fma(b0, c20);
        c21 = x.fma(b1, c21);
        x = DoubleVector.broadcast(SPECIES, a[ai + 3 * rs]);
        c30 = x.fma(b0, c30);
        c31 = x.fma(b1, c31);
      }
      ((DoubleVector) VECTOR_CLASS.cast(c00)).intoArray(c, c0 + j);
      ((DoubleVector) VECTOR_CLASS.cast(c01)).intoArray(c, c0 + j + LANES);
      ((DoubleVector) VECTOR_CLASS.cast(c10)).intoArray(c, c0 + n + j);
      ((DoubleVector) VECTOR_CLASS.cast(c11)).intoArray(c, c0 + n + j + LANES);
      ((DoubleVector) VECTOR_CLASS.cast(c20)).intoArray(c, c0 + 2 * n + j);
      ((DoubleVector) VECTOR_CLASS.cast(c21)).intoArray(c, c0 + 2 * n + j + LANES);
      ((DoubleVector) VECTOR_CLASS.cast(c30)).intoArray(c, c0 + 3 * n + j);
      ((DoubleVector) VECTOR_CLASS.cast(c31)).intoArray(c, c0 + 3 * n + j + LANES);
    }
    for (; j <= n - LANES; j += LANES) {
      DoubleVector c0v = zero;
      DoubleVector c1v = c0v;
      DoubleVector c2v = c0v;
      DoubleVector c3v = c0v;
      for (int p = 0; p < k; p++) {
        DoubleVector bv = DoubleVector.fromArray(SPECIES, b, p * n + j);
        int ai = a0 + p * cs;
        c0v = DoubleVector.broadcast(SPECIES, a[ai]).fma(bv, c0v);
        c1v = DoubleVector.broadcast(SPECIES, a[ai + rs]).fma(bv, c1v);
        c2v = DoubleVector.broadcast(SPECIES, a[ai + 2 * rs]).fma(bv, c2v);
        c3v = DoubleVector.broadcast(SPECIES, a[ai + 3 * rs]).fma(bv, c3v);
      }
      ((DoubleVector) VECTOR_CLASS.cast(c0v)).intoArray(c, c0 + j);
      ((DoubleVector) VECTOR_CLASS.cast(c1v)).intoArray(c, c0 + n + j);
      ((DoubleVector) VECTOR_CLASS.cast(c2v)).intoArray(c, c0 + 2 * n + j);
      ((DoubleVector) VECTOR_CLASS.cast(c3v)).intoArray(c, c0 + 3 * n + j);
    }
    for (; j < n; j++) {
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      for (int p = 0; p < k; p++) {
        double y = b[p * n + j];
        int ai = a0 + p * cs;
        s0 = Math.fma(a[ai], y, s0);
        s1 = Math.fma(a[ai + rs], y, s1);
        s2 = Math.fma(a[ai + 2 * rs], y, s2);
        s3 = Math.fma(a[ai + 3 * rs], y, s3);
      }
      c[c0 + j] = s0;
      c[c0 + n + j] = s1;
      c[c0 + 2 * n + j] = s2;
      c[c0 + 3 * n + j] = s3;
    }
  }

  /** Computes one row of C; the row of A starts at {@code a0} and steps by {@code cs}. */
  private static void smallRow(
      double[] a, int a0, int cs, double[] b, int n, int k, double[] c, int c0) {
    DoubleVector zero = DoubleVector.zero(SPECIES);
    int j = 0;
    for (; j <= n - NR; j += NR) {
      DoubleVector s0 = zero;
      DoubleVector s1 = s0;
      for (int p = 0; p < k; p++) {
        DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + p * cs]);
        s0 = x.fma(DoubleVector.fromArray(SPECIES, b, p * n + j), s0);
        s1 = x.fma(DoubleVector.fromArray(SPECIES, b, p * n + j + LANES), s1);
      }
      ((DoubleVector) VECTOR_CLASS.cast(s0)).intoArray(c, c0 + j);
      ((DoubleVector) VECTOR_CLASS.cast(s1)).intoArray(c, c0 + j + LANES);
    }
    for (; j <= n - LANES; j += LANES) {
      DoubleVector s = zero;
      for (int p = 0; p < k; p++) {
        s =
            DoubleVector.broadcast(SPECIES, a[a0 + p * cs])
                .fma(DoubleVector.fromArray(SPECIES, b, p * n + j), s);
      }
      ((DoubleVector) VECTOR_CLASS.cast(s)).intoArray(c, c0 + j);
    }
    for (; j < n; j++) {
      double s = 0;
      for (int p = 0; p < k; p++) {
        s = Math.fma(a[a0 + p * cs], b[p * n + j], s);
      }
      c[c0 + j] = s;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Scalar path (-Dvecgrad.simd=false)

  /** {@code C = op(A)·op(B)} with scalar loops only; the twin of the SIMD paths. */
  static void scalar(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    int rowStride = transA ? 1 : k;
    int colStride = transA ? m : 1;
    for (int i = 0; i < m; i++) {
      int ci = i * n;
      int ai = i * rowStride;
      if (transB) {
        // B(p, j) = b[j*k + p]: a dot product along contiguous rows of b.
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int p = 0; p < k; p++) {
            s += a[ai + p * colStride] * b[j * k + p];
          }
          c[ci + j] = s;
        }
      } else {
        // B(p, j) = b[p*n + j]: accumulate rows of B into the row of C.
        for (int j = 0; j < n; j++) {
          c[ci + j] = 0;
        }
        for (int p = 0; p < k; p++) {
          double x = a[ai + p * colStride];
          int bi = p * n;
          for (int j = 0; j < n; j++) {
            c[ci + j] += x * b[bi + j];
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  static int roundUp(int x, int multiple) {
    return ceilDiv(x, multiple) * multiple;
  }
}
