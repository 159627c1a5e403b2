package org.vecgrad.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxTest {
  @TempDir Path dir;

  private static IdxArray pixels(int n, int h, int w) {
    double[] v = new double[n * h * w];
    Arrays.setAll(v, i -> (i * 37) % 256);
    return new IdxArray(IdxType.UBYTE, new int[] {n, h, w}, v);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void roundTripsUbyteImagesPlainAndGzip(boolean gzip) throws IOException {
    IdxArray a = pixels(3, 4, 5);
    Path f = dir.resolve(gzip ? "x.gz" : "x");
    Idx.write(f, a, gzip);
    byte[] head = Files.readAllBytes(f);
    if (gzip) {
      assertEquals(0x1f, head[0] & 0xFF);
    } else {
      // magic 00 00 08 03, then big-endian 3, 4, 5
      assertArrayEquals(new byte[] {0, 0, 8, 3, 0, 0, 0, 3}, Arrays.copyOf(head, 8));
    }
    IdxArray b = Idx.read(f);
    assertEquals(IdxType.UBYTE, b.type());
    assertArrayEquals(a.dims(), b.dims());
    assertArrayEquals(a.values(), b.values());
  }

  @Test
  void roundTripsEveryElementType() throws IOException {
    double[] v = {-3, 0, 7, 100};
    for (IdxType t : IdxType.values()) {
      double[] vals = t == IdxType.UBYTE ? new double[] {3, 0, 7, 255} : v;
      Path f = dir.resolve("t" + t);
      Idx.write(f, new IdxArray(t, new int[] {2, 2}, vals), false);
      assertArrayEquals(vals, Idx.read(f).values(), t.toString());
    }
  }

  @Test
  void unrepresentableValuesAreRejectedOnWrite() {
    IdxArray a = new IdxArray(IdxType.UBYTE, new int[] {1}, new double[] {256});
    assertThrows(IllegalArgumentException.class, () -> Idx.write(dir.resolve("bad"), a, false));
  }

  @Test
  void truncatedFileNamesTheShortfall() throws IOException {
    Path f = dir.resolve("x");
    Idx.write(f, pixels(2, 3, 3), false);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length - 5));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.read(f));
    assertTrue(
        e.getMessage().contains("truncated") && e.getMessage().contains("18"), e.getMessage());
  }

  @Test
  void truncatedGzipIsReported() throws IOException {
    Path f = dir.resolve("x.gz");
    Idx.write(f, pixels(20, 8, 8), true);
    byte[] all = Files.readAllBytes(f);
    Files.write(f, Arrays.copyOf(all, all.length / 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Idx.read(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  @Test
  void badMagicUnknownTypeAndTrailingBytesAreRejected() throws IOException {
    Path f = dir.resolve("x");
    Files.write(f, new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 5});
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Idx.read(f))
            .getMessage()
            .contains("magic"));
    Files.write(f, new byte[] {0, 0, 0x42, 1, 0, 0, 0, 1, 5});
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Idx.read(f))
            .getMessage()
            .contains("type"));
    Files.write(f, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 5, 6});
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Idx.read(f))
            .getMessage()
            .contains("trailing"));
  }

  @Test
  void fashionMnistLoadsFromTinyIdxFilesAndScalesPixels() throws IOException {
    Idx.write(dir.resolve("train-images-idx3-ubyte.gz"), pixels(4, 2, 3), true);
    Idx.write(
        dir.resolve("train-labels-idx1-ubyte.gz"),
        new IdxArray(IdxType.UBYTE, new int[] {4}, new double[] {9, 0, 3, 3}),
        true);
    // uncompressed test files are accepted too
    Idx.write(dir.resolve("t10k-images-idx3-ubyte"), pixels(2, 2, 3), false);
    Idx.write(
        dir.resolve("t10k-labels-idx1-ubyte"),
        new IdxArray(IdxType.UBYTE, new int[] {2}, new double[] {1, 2}),
        false);
    FashionMnist.Data d = FashionMnist.load(dir);
    assertEquals(4, d.train().size());
    assertEquals(6, d.train().featureCount());
    assertEquals(9, d.train().label(0));
    assertEquals(37 / 255.0, d.train().features().get(0, 1), 1e-15);
    assertEquals(2, d.test().size());
  }

  @Test
  void missingFashionMnistSaysHowToInstallIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir.resolve("none")));
    assertTrue(
        e.getMessage().contains("apt-get install dataset-fashion-mnist")
            && e.getMessage().contains("--dataset synthetic"),
        e.getMessage());
  }

  @Test
  void mismatchedImagesAndLabelsAreRejected() throws IOException {
    Idx.write(dir.resolve("train-images-idx3-ubyte"), pixels(4, 2, 3), false);
    Idx.write(
        dir.resolve("train-labels-idx1-ubyte"),
        new IdxArray(IdxType.UBYTE, new int[] {3}, new double[] {1, 2, 3}),
        false);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(dir, "train"));
    assertTrue(e.getMessage().contains("[4, 2, 3]"), e.getMessage());
  }
}
