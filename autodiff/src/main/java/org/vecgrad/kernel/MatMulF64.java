package org.vecgrad.kernel;

import java.util.Arrays;
import org.vecgrad.tensor.Workspace;

/**
 * The F64 dispatch behind {@link MatMul#gemm}: picks the path of {@link GemmF64} for a shape. The
 * build generates {@code MatMulF32} from this file (see {@link GemmF64}, "F32 twin"); arguments are
 * checked by the {@link MatMul} facade.
 *
 * <p>Three paths, chosen by shape alone (never by thread count):
 *
 * <ul>
 *   <li>scalar loops when SIMD is off ({@link Simd#enabled()});
 *   <li>a light SIMD path without packing for small products (below {@link #SMALL_FMAS}), and for
 *       products with fewer rows than the register tile (vector·matrix) or fewer columns than one
 *       vector (matrix·vector; from two columns on, a large one with a row-major matrix is packed
 *       as {@code Cᵀ}, below);
 *   <li>otherwise the packed, cache-blocked SIMD path of {@link GemmF64}, split across threads by
 *       rows or columns of C when the product is large enough.
 * </ul>
 *
 * A product with fewer columns than the register tile is narrow and tall (a last layer with 10
 * outputs, or its weight gradient): it is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ}, whose rows are
 * the short side, into a scratch that is then transposed into C, unless its columns fill most of a
 * panel ({@link #fillsPanel}). So is a dense layer's {@code x·Wᵀ} at a small batch (at most one B
 * panel of rows): packed as it stands, the weight would be interleaved (transposed) value by value,
 * while as the left operand of {@code Cᵀ = W·xᵀ} it packs by copying its rows, and only x is
 * interleaved (F32 32×784·(256×784)ᵀ: 1.19–1.46× alone, the F32 batch-32 train step 1.10–1.13×).
 * {@code fma(x, y, s)} rounds {@code x·y + s} once, whichever operand comes first, so the
 * transposed products compute the same FMA chains.
 *
 * <p>Both SIMD paths compute each element of C as the same chain of FMAs over k, so results are
 * bitwise identical whatever the thread count or the path: see {@link GemmF64} ("Determinism"). The
 * scalar path (plain multiply and add) rounds differently.
 */
final class MatMulF64 {
  private MatMulF64() {}

  /**
   * Products with fewer multiply-adds than this take the light path: below it, packing costs more
   * than it saves (measured crossover between 32³ and 48³).
   */
  static final long SMALL_FMAS = 64 * 1024;

  /** {@code C = op(A)·op(B)}; see {@link MatMul#gemm}. Arguments already checked. */
  static void gemm(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, 0, m * n, 0);
      return;
    }
    if (!Simd.enabled()) {
      GemmF64.scalar(transA, transB, m, n, k, a, b, c);
      return;
    }
    boolean wide = n >= GemmF64.MR / 2;
    long fmas = (long) m * n * k;
    // Two to five columns times a row-major A: packing op(A)ᵀ interleaves A's rows once, and the
    // kernel then runs along them (1024×1024·1024×4 F32: 6.0 against 1.9 GFLOP/s on the light
    // path, whose lanes cross strided rows). One column is left to the light path (1.4 against 1.9:
    // the packed tile would compute twelve rows to keep one).
    boolean fewColumns = !transA && n >= 2 && fmas >= SMALL_FMAS;
    if (n < GemmF64.NR
        && m > n
        && (wide || transA || fewColumns)
        && !fillsPanel(transA, m, n, fmas)) {
      // Narrow: Cᵀ[n×m] = op(B)ᵀ·op(A)ᵀ puts the long side along the vectors.
      double[] ct = Workspace.newF64ForOverwrite(n * m); // every element is written
      if ((transA && !wide) || fmas < SMALL_FMAS) {
        GemmF64.small(!transB, !transA, n, m, k, b, a, ct);
      } else {
        // Packed even with fewer rows than the tile: the light path would stream op(A)ᵀ from L2
        // once per row tile (and transpose it first when A is row-major).
        GemmF64.packed(!transB, !transA, n, m, k, b, a, ct);
      }
      ArrayOpsF64.transpose(ct, n, m, c);
      return;
    }
    if (transB
        && !transA
        && m >= GemmF64.MR
        && fewRowsForSwap(m)
        && (long) (n - m) * k > (long) m * n
        && fmas >= SMALL_FMAS) {
      // Fewer rows than columns times a transposed B (x·Wᵀ of a dense layer): packing op(B) would
      // interleave B's n rows, while as the left operand B packs by copying rows (GemmF64's A
      // panels are row-major). Cᵀ = B·Aᵀ interleaves only A's m rows, then C is transposed back:
      // worth it when the interleaving saved, (n - m)·k values, exceeds the m·n transposed.
      double[] ct = Workspace.newF64ForOverwrite(n * m);
      GemmF64.packed(false, true, n, m, k, b, a, ct);
      ArrayOpsF64.transpose(ct, n, m, c);
      return;
    }
    if (fmas < SMALL_FMAS || m < GemmF64.MR || n < GemmF64.NR / 2) {
      GemmF64.small(transA, transB, m, n, k, a, b, c);
      return;
    }
    GemmF64.packed(transA, transB, m, n, k, a, b, c);
  }

  /**
   * Whether a product with fewer columns than a B panel is computed as it stands rather than as
   * {@code Cᵀ}: when A is row-major (its panels pack by copying rows), its columns fill at least
   * five eighths of one panel and it has rows for at least four register tiles. As {@code Cᵀ}, A
   * would be interleaved value by value and C transposed back, which then costs more than the
   * panel's empty columns. Measured, direct over {@code Cᵀ} in alternating rounds: on AVX-512, F64
   * 10 columns (of 16) at 48–256 rows 1.05–1.60× (x·Wᵀ and A·B, k = 256 and 784), F32 20 and 24 (of
   * 32) at 48 and 128 rows 1.3–1.8×; on AVX2, F64 5–7 (of 8) at 24–128 rows 1.2–2.4×. Not taken
   * where it lost: 32 rows on AVX-512 (0.89× F64, 0.60× F32 at 10 of 32 columns), F32 10 columns
   * (0.72–1.01×).
   */
  static boolean fillsPanel(boolean transA, int m, int n, long fmas) {
    return !transA && m >= 4 * GemmF64.MR && 8 * n >= 5 * GemmF64.NR && fmas >= SMALL_FMAS;
  }

  /** Row counts up to which {@link #fewRowsForSwap} allows a second B panel. */
  static final int SWAP_MAX_ROWS = 32;

  /**
   * Whether x·Wᵀ with {@code m} rows is computed as {@code (W·xᵀ)ᵀ}: m rows become the swapped
   * product's columns, so they should fill its B panels ({@code NR} wide). One panel always pays
   * (F32 32×784·(256×784)ᵀ: 1.34–1.46×); a second one only while the rows are few ({@link
   * #SWAP_MAX_ROWS}) and the last panel is at least three quarters full. Measured, the swap's time
   * over the direct product's in alternating rounds, n = 256: on AVX-512, F64 rows 28 and 32 at k =
   * 784 0.82× and 0.79–0.82× (k = 256: 0.94–0.98×), F64 20 and 24 rows 1.03× and 1.12× (a mostly
   * empty second panel), F32 40–64 rows 0.84–1.21× (k = 784 and 256: not taken); on AVX2 (eight-
   * and sixteen-column panels), F64 14 and 16 rows 0.66–0.80×, F32 32 rows 0.79×. Larger F64
   * batches (n = 256, k = 784): 48 and 64 rows 0.95–0.98× alone, 96 and 128 rows 1.10×, and the F64
   * batch-128 train step with the swap 0.96× (16 alternating rounds), so not taken.
   */
  static boolean fewRowsForSwap(int m) {
    int nr = GemmF64.NR;
    return m <= nr || (m <= 2 * nr && m <= SWAP_MAX_ROWS && 2 * nr - m <= nr / 4);
  }

  /** The scalar triple loop: the oracle of every optimised path. */
  static void reference(
      boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double x = transA ? a[p * m + i] : a[i * k + p];
          double y = transB ? b[j * k + p] : b[p * n + j];
          s += x * y;
        }
        c[i * n + j] = s;
      }
    }
  }
}
