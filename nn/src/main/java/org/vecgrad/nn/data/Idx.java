package org.vecgrad.nn.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed.
 *
 * <p>Format: a 4-byte magic number {@code 00 00 T R} (T = element type, see {@link IdxType}; R =
 * number of dimensions), then R big-endian 32-bit sizes, then the elements, big-endian, row-major.
 * Gzip is detected from the content (bytes {@code 1f 8b}), not the file name. A file that is
 * truncated, has trailing bytes, an unknown type or an impossible header is rejected with an {@link
 * IllegalArgumentException} naming the file and what is wrong.
 */
public final class Idx {
  private static final int MAX_RANK = 16;

  private Idx() {}

  /** Reads {@code file}. */
  public static IdxArray read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** Reads an IDX stream (plain or gzip); {@code source} names it in errors. */
  public static IdxArray read(InputStream raw, String source) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    InputStream body = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(in, 1 << 16) : in;
    try {
      return readPlain(body, source);
    } catch (EOFException e) {
      throw new IllegalArgumentException("IDX " + source + ": truncated (" + e.getMessage() + ")");
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(
          "IDX " + source + ": corrupt gzip data: " + e.getMessage());
    }
  }

  private static IdxArray readPlain(InputStream in, String source) throws IOException {
    byte[] magic = readFully(in, 4, source, "the 4-byte magic number");
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IllegalArgumentException(
          String.format(
              "IDX %s: bad magic number %02x %02x %02x %02x (an IDX file starts with 00 00)",
              source, magic[0], magic[1], magic[2], magic[3]));
    }
    IdxType type = IdxType.of(magic[2] & 0xFF);
    if (type == null) {
      throw new IllegalArgumentException(
          String.format("IDX %s: unknown element type 0x%02x", source, magic[2] & 0xFF));
    }
    int rank = magic[3] & 0xFF;
    if (rank == 0 || rank > MAX_RANK) {
      throw new IllegalArgumentException(
          "IDX " + source + ": rank " + rank + " (expected 1.." + MAX_RANK + ")");
    }
    ByteBuffer header =
        ByteBuffer.wrap(readFully(in, 4 * rank, source, "the dimension sizes"))
            .order(ByteOrder.BIG_ENDIAN);
    int[] dims = new int[rank];
    long n = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = header.getInt(4 * i);
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "IDX " + source + ": negative dimension " + dims[i] + " in " + Arrays.toString(dims));
      }
      n *= dims[i];
      if (n * type.bytes() > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            "IDX " + source + ": dimensions too large for one array: " + Arrays.toString(dims));
      }
    }
    int count = (int) n;
    byte[] data = readFully(in, count * type.bytes(), source, count + " elements of " + type);
    if (in.read() != -1) {
      throw new IllegalArgumentException(
          "IDX "
              + source
              + ": trailing bytes after "
              + count
              + " elements of dims "
              + Arrays.toString(dims));
    }
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = type.get(buf, i);
    }
    return new IdxArray(type, dims, values);
  }

  private static byte[] readFully(InputStream in, int len, String source, String what)
      throws IOException {
    byte[] b = new byte[len];
    int off = 0;
    while (off < len) {
      int r = in.read(b, off, len - off);
      if (r < 0) {
        throw new IllegalArgumentException(
            "IDX "
                + source
                + ": truncated: expected "
                + len
                + " bytes for "
                + what
                + ", the file ended after "
                + off);
      }
      off += r;
    }
    return b;
  }

  /**
   * Writes {@code array} to {@code file}, gzip-compressed when {@code gzip}.
   *
   * @throws IllegalArgumentException if a value is not representable in the array's type
   */
  public static void write(Path file, IdxArray array, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      write(out, array);
    }
  }

  /** Writes {@code array} to a stream (uncompressed). */
  public static void write(OutputStream out, IdxArray array) throws IOException {
    IdxType type = array.type();
    int[] dims = array.dims();
    double[] values = array.values();
    ByteBuffer head = ByteBuffer.allocate(4 + 4 * dims.length).order(ByteOrder.BIG_ENDIAN);
    head.put((byte) 0).put((byte) 0).put((byte) type.code()).put((byte) dims.length);
    for (int d : dims) {
      head.putInt(d);
    }
    ByteBuffer body = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.BIG_ENDIAN);
    for (int i = 0; i < values.length; i++) {
      if (!type.represents(values[i])) {
        throw new IllegalArgumentException(
            "Idx.write: value " + values[i] + " at " + i + " is not representable as " + type);
      }
      type.put(body, i, values[i]);
    }
    out.write(head.array());
    out.write(body.array());
  }
}
