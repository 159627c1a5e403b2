package org.vecgrad.nn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Reads and writes named tensors in the <a href="https://github.com/huggingface/safetensors">
 * safetensors</a> layout, so the files open in Python with {@code safetensors.numpy.load_file}.
 *
 * <pre>
 *   [8 bytes]  N, unsigned little-endian 64-bit: the header length
 *   [N bytes]  UTF-8 JSON: {"name": {"dtype": "F64", "shape": [2, 3], "data_offsets": [0, 48]}, …,
 *                           "__metadata__": {"key": "value", …}}   (padded with spaces to 8 bytes)
 *   [rest]     the tensors' bytes, little-endian, row-major; offsets are relative to this
 *              buffer, and the tensors tile it exactly, without gaps or overlaps
 * </pre>
 *
 * Dtypes {@code F64} and {@code F32} are supported. vecgrad adds the metadata entry {@value
 * #CRC_KEY}: the CRC-32 of the data buffer as 8 hex digits, so that flipped bytes are detected
 * (safetensors itself has no checksum; files without the entry are read without the check).
 *
 * <p>Writing is atomic: the bytes go to a temporary file in the target's directory, are forced to
 * disk, and the file is renamed over the target, so a crash leaves the old file or the new one,
 * never a half-written one. Reading validates the whole file before returning anything.
 */
public final class SafeTensors {
  /** Metadata key of the data checksum. */
  public static final String CRC_KEY = "vecgrad.crc32";

  private static final String META = "__metadata__";
  private static final long MAX_HEADER = 100L << 20;

  private SafeTensors() {}

  /** Named tensors and string metadata, in file order. */
  public static final class Contents {
    private final Map<String, Tensor> tensors;
    private final Map<String, String> metadata;

    Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
      this.tensors = Collections.unmodifiableMap(tensors);
      this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** The tensors by name. */
    public Map<String, Tensor> tensors() {
      return tensors;
    }

    /** The metadata (without the header's own keys). */
    public Map<String, String> metadata() {
      return metadata;
    }
  }

  /** Writes {@code tensors} (in map order) and {@code metadata} to {@code file}, atomically. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    if (metadata.containsKey(CRC_KEY)) {
      throw new IllegalArgumentException(
          "SafeTensors.write: metadata key " + CRC_KEY + " is reserved");
    }
    long total = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      if (e.getKey().isEmpty() || e.getKey().equals(META)) {
        throw new IllegalArgumentException(
            "SafeTensors.write: invalid tensor name '" + e.getKey() + "'");
      }
      total += (long) e.getValue().size() * e.getValue().dtype().bytes();
    }
    if (total > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("SafeTensors.write: " + total + " bytes is too large");
    }
    ByteBuffer data = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      int start = data.position();
      putData(data, t);
      json.append(HeaderJson.quote(e.getKey()))
          .append(":{\"dtype\":\"")
          .append(t.dtype().name())
          .append("\",\"shape\":[");
      int[] dims = t.shape().dims();
      for (int i = 0; i < dims.length; i++) {
        json.append(i > 0 ? "," : "").append(dims[i]);
      }
      json.append("],\"data_offsets\":[")
          .append(start)
          .append(',')
          .append(data.position())
          .append("]},");
    }
    CRC32 crc = new CRC32();
    crc.update(data.array());
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put(CRC_KEY, String.format("%08x", crc.getValue()));
    json.append("\"" + META + "\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : meta.entrySet()) {
      json.append(first ? "" : ",")
          .append(HeaderJson.quote(e.getKey()))
          .append(':')
          .append(HeaderJson.quote(e.getValue()));
      first = false;
    }
    json.append("}}");
    byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (header.length + 7) / 8 * 8; // the format pads with spaces to 8-byte alignment
    ByteBuffer out =
        ByteBuffer.allocate(8 + padded + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(header);
    for (int i = header.length; i < padded; i++) {
      out.put((byte) ' ');
    }
    out.put(data.array());
    writeAtomically(file, out.array());
  }

  private static void putData(ByteBuffer data, Tensor t) {
    if (t.dtype() == DType.F64) {
      for (double v : t.readF64()) {
        data.putDouble(v);
      }
    } else {
      for (float v : t.readF32()) {
        data.putFloat(v);
      }
    }
  }

  /** Writes {@code bytes} to a temp file next to {@code file}, syncs, and renames it over file. */
  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      keepOrDefaultPermissions(tmp, file);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A temp file is created owner-only; give the result the permissions of the file it replaces, or
   * {@code rw-r--r--} for a new one, as an ordinary file write would (on POSIX file systems).
   */
  private static void keepOrDefaultPermissions(Path tmp, Path file) throws IOException {
    try {
      Set<PosixFilePermission> perms =
          Files.exists(file)
              ? Files.getPosixFilePermissions(file)
              : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(tmp, perms);
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: keep the platform's default
    }
  }

  /**
   * Reads and validates {@code file}: header length, JSON, every entry's dtype, shape and offsets,
   * exact tiling of the data buffer, and the checksum when present.
   *
   * @throws ModelFileException naming the file and the first problem
   */
  public static Contents read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ModelFileException("parameter file " + file + " does not exist");
    }
    try {
      return parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException("parameter file " + file + ": " + e.getMessage(), e);
    }
  }

  static Contents parse(byte[] bytes) {
    if (bytes.length < 8) {
      throw new IllegalArgumentException(
          "truncated: " + bytes.length + " bytes, not even the 8-byte header length");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = buf.getLong(0);
    if (n < 2 || n > MAX_HEADER || n > bytes.length - 8L) {
      throw new IllegalArgumentException(
          "header length "
              + Long.toUnsignedString(n)
              + " is impossible for a file of "
              + bytes.length
              + " bytes (truncated, or not a safetensors file)");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 8, (int) n))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the header is not valid UTF-8");
    }
    Object root = HeaderJson.parse(text);
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException("the header is not a JSON object");
    }
    int dataStart = 8 + (int) n;
    int dataLen = bytes.length - dataStart;
    Map<String, String> metadata = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> e : asMap(root, "header").entrySet()) {
      if (e.getKey().equals(META)) {
        for (Map.Entry<String, Object> m : asMap(e.getValue(), META).entrySet()) {
          if (!(m.getValue() instanceof String)) {
            throw new IllegalArgumentException(META + "." + m.getKey() + " is not a string");
          }
          metadata.put(m.getKey(), (String) m.getValue());
        }
      } else {
        entries.add(Entry.of(e.getKey(), asMap(e.getValue(), e.getKey())));
      }
    }
    checkTiling(entries, dataLen);
    String crc = metadata.remove(CRC_KEY);
    if (crc != null) {
      CRC32 c = new CRC32();
      c.update(bytes, dataStart, dataLen);
      String actual = String.format("%08x", c.getValue());
      if (!actual.equals(crc)) {
        throw new IllegalArgumentException(
            "corrupt data: checksum " + actual + " differs from the recorded " + crc);
      }
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Entry en : entries) {
      tensors.put(en.name, en.decode(buf, dataStart));
    }
    return new Contents(tensors, metadata);
  }

  private static void checkTiling(List<Entry> entries, int dataLen) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(e -> e.start));
    long at = 0;
    for (Entry e : sorted) {
      if (e.start != at) {
        throw new IllegalArgumentException(
            "tensor '"
                + e.name
                + "' starts at byte "
                + e.start
                + " of the data, expected "
                + at
                + (e.start < at ? " (it overlaps the previous tensor)" : " (a gap)"));
      }
      at = e.end;
    }
    if (at != dataLen) {
      throw new IllegalArgumentException(
          at > dataLen
              ? "truncated: the header describes "
                  + at
                  + " bytes of data, the file holds "
                  + dataLen
              : "trailing bytes: the header describes "
                  + at
                  + " bytes of data, the file holds "
                  + dataLen);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("'" + what + "' is not a JSON object");
    }
    return (Map<String, Object>) o;
  }

  /** One validated header entry. */
  private static final class Entry {
    final String name;
    final DType dtype;
    final Shape shape;
    final long start;
    final long end;

    private Entry(String name, DType dtype, Shape shape, long start, long end) {
      this.name = name;
      this.dtype = dtype;
      this.shape = shape;
      this.start = start;
      this.end = end;
    }

    static Entry of(String name, Map<String, Object> m) {
      Object dt = m.get("dtype");
      DType dtype;
      if ("F64".equals(dt)) {
        dtype = DType.F64;
      } else if ("F32".equals(dt)) {
        dtype = DType.F32;
      } else {
        throw new IllegalArgumentException(
            "tensor '" + name + "': dtype " + dt + " is not supported (F64 or F32)");
      }
      List<Object> shapeList = list(m.get("shape"), name, "shape");
      int[] dims = new int[shapeList.size()];
      long count = 1;
      for (int i = 0; i < dims.length; i++) {
        long d = (Long) shapeList.get(i);
        if (d < 0 || d > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("tensor '" + name + "': bad dimension " + d);
        }
        dims[i] = (int) d;
        count *= d;
        if (count > Integer.MAX_VALUE) {
          throw new IllegalArgumentException("tensor '" + name + "': too many elements");
        }
      }
      List<Object> off = list(m.get("data_offsets"), name, "data_offsets");
      if (off.size() != 2) {
        throw new IllegalArgumentException(
            "tensor '" + name + "': data_offsets must be [start, end], got " + off);
      }
      long start = (Long) off.get(0);
      long end = (Long) off.get(1);
      if (start < 0 || end < start || end - start != count * dtype.bytes()) {
        throw new IllegalArgumentException(
            "tensor '"
                + name
                + "': data_offsets ["
                + start
                + ", "
                + end
                + "] do not hold "
                + count
                + " elements of "
                + dtype
                + " ("
                + count * dtype.bytes()
                + " bytes)");
      }
      return new Entry(name, dtype, Shape.of(dims), start, end);
    }

    private static List<Object> list(Object o, String name, String key) {
      if (!(o instanceof List)) {
        throw new IllegalArgumentException("tensor '" + name + "': " + key + " is not an array");
      }
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) o;
      for (Object x : l) {
        if (!(x instanceof Long)) {
          throw new IllegalArgumentException(
              "tensor '" + name + "': " + key + " holds a non-integer " + x);
        }
      }
      return l;
    }

    Tensor decode(ByteBuffer buf, int dataStart) {
      int n = shape.size();
      int at = dataStart + (int) start;
      if (dtype == DType.F64) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = buf.getDouble(at + 8 * i);
        }
        return Tensor.wrap(shape, d);
      }
      float[] f = new float[n];
      for (int i = 0; i < n; i++) {
        f[i] = buf.getFloat(at + 4 * i);
      }
      return Tensor.wrap(shape, f);
    }
  }
}
