package org.vecgrad.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.Parameter;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class SafeTensorsTest {
  @TempDir Path dir;

  private static List<Tensor> values(Mlp m) {
    return m.parameters().stream().map(Parameter::value).toList();
  }

  @Test
  void modelRoundTripsThroughAFile() throws IOException {
    Mlp a = Mlp.builder(4, 3, 2).seed(1).build();
    Mlp b = Mlp.builder(4, 3, 2).seed(2).build();
    Path f = dir.resolve("model.safetensors");
    ModelIO.save(a, f, Map.of("epochs", "5"));
    Map<String, String> meta = ModelIO.load(b, f);
    assertEquals(values(a), values(b));
    assertEquals("5", meta.get("epochs"));
    assertEquals("vecgrad", meta.get("format"));
  }

  @Test
  void layoutIsSafetensors() throws IOException {
    Path f = dir.resolve("t.safetensors");
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("w", Tensor.of(new double[][] {{1, 2}, {3, 4}}));
    t.put("s", Tensor.wrap(Shape.of(3), new float[] {0.5f, -1, 2}));
    t.put("c", Tensor.scalar(2.5));
    SafeTensors.write(f, t, Map.of("k", "v \"quoted\""));
    byte[] bytes = Files.readAllBytes(f);
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long n = buf.getLong(0);
    assertEquals(0, n % 8, "header padded to 8 bytes");
    String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
    assertTrue(
        header.startsWith(
            "{\"w\":{\"dtype\":\"F64\",\"shape\":[2,2],\"data_offsets\":[0,32]},"
                + "\"s\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[32,44]},"
                + "\"c\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[44,52]},"),
        header);
    assertEquals(8 + n + 52, bytes.length);
    assertEquals(3.0, buf.getDouble(8 + (int) n + 16)); // w[1][0], little-endian
    assertEquals(-1f, buf.getFloat(8 + (int) n + 36));
    SafeTensors.Contents c = SafeTensors.read(f);
    assertEquals(t, c.tensors());
    assertEquals(DType.F32, c.tensors().get("s").dtype());
    assertEquals(Map.of("k", "v \"quoted\""), c.metadata());
  }

  @Test
  void truncatedFileIsRejectedAndModelUnchanged() throws IOException {
    Path f = dir.resolve("m.safetensors");
    ModelIO.save(Mlp.builder(4, 3, 2).seed(1).build(), f);
    byte[] all = Files.readAllBytes(f);
    Mlp b = Mlp.builder(4, 3, 2).seed(2).build();
    List<Tensor> before = values(b);
    for (int cut : new int[] {3, 20, all.length - 1}) {
      Files.write(f, java.util.Arrays.copyOf(all, cut));
      ModelFileException e = assertThrows(ModelFileException.class, () -> ModelIO.load(b, f));
      assertTrue(
          e.getMessage().contains("truncated") || e.getMessage().contains("impossible"),
          e.getMessage());
      assertEquals(before, values(b));
    }
  }

  @Test
  void flippedDataByteIsDetectedByTheChecksum() throws IOException {
    Path f = dir.resolve("m.safetensors");
    ModelIO.save(Mlp.builder(4, 3, 2).seed(1).build(), f);
    byte[] all = Files.readAllBytes(f);
    all[all.length - 3] ^= 0x10;
    Files.write(f, all);
    Mlp b = Mlp.builder(4, 3, 2).seed(2).build();
    List<Tensor> before = values(b);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelIO.load(b, f));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertEquals(before, values(b));
  }

  @Test
  void corruptHeadersAreRejectedWithTheProblem() throws IOException {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}", "expected");
    cases.put("{\"w\":{\"dtype\":\"I8\",\"shape\":[1],\"data_offsets\":[0,8]}}", "I8");
    cases.put("{\"w\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,8]}}", "data_offsets");
    cases.put("{\"w\":{\"dtype\":\"F64\",\"shape\":[1.5],\"data_offsets\":[0,8]}}", "integer");
    cases.put("{\"w\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}", "gap");
    cases.put("[1,2]", "not a JSON object");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      byte[] h = c.getKey().getBytes(StandardCharsets.UTF_8);
      ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
      b.putLong(h.length).put(h).putDouble(1.0);
      Path f = dir.resolve("bad.safetensors");
      Files.write(f, b.array());
      ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.read(f));
      assertTrue(e.getMessage().contains(c.getValue()), c.getKey() + " → " + e.getMessage());
    }
  }

  @Test
  void mismatchedModelListsEveryProblemAndLoadsNothing() throws IOException {
    Path f = dir.resolve("m.safetensors");
    ModelIO.save(Mlp.builder(4, 3, 2).seed(1).build(), f);
    Mlp other = Mlp.builder(4, 5, 2, 2).seed(3).build();
    List<Tensor> before = values(other);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelIO.load(other, f));
    String m = e.getMessage();
    assertTrue(
        m.contains("fc1.weight is F64[3, 4] in the file but F64[5, 4] in the model")
            && m.contains("missing fc3.weight")
            && m.contains("nothing was loaded"),
        m);
    assertEquals(before, values(other));
    Mlp f32 = Mlp.builder(4, 3, 2).dtype(DType.F32).build();
    assertThrows(ModelFileException.class, () -> ModelIO.load(f32, f));
  }

  @Test
  void missingFileIsAClearError() {
    ModelFileException e =
        assertThrows(
            ModelFileException.class,
            () -> ModelIO.load(Mlp.builder(2, 2).build(), dir.resolve("nope.safetensors")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void saveIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
    Path f = dir.resolve("m.safetensors");
    ModelIO.save(Mlp.builder(4, 3, 2).seed(1).build(), f);
    ModelIO.save(Mlp.builder(4, 3, 2).seed(2).build(), f); // replaces
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(f), s.toList());
    }
    // not the owner-only mode of the temporary file
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"),
        Files.getPosixFilePermissions(f));
    Mlp c = Mlp.builder(4, 3, 2).seed(9).build();
    ModelIO.load(c, f);
    assertEquals(values(Mlp.builder(4, 3, 2).seed(2).build()), values(c));
  }

  @Test
  void headerJsonHandlesEscapesAndRejectsUnsupportedValues() {
    assertEquals(
        Map.of("a\"b", List.of(1L, -2L), "c", "x\ny\u00e9/"),
        HeaderJson.parse(" {\"a\\\"b\": [1, -2], \"c\": \"x\\ny\\u00e9\\/\"} "));
    for (String bad :
        new String[] {"{\"a\":true}", "{\"a\":1e3}", "{\"a\":1,\"a\":2}", "{\"a\":1", "{} x"}) {
      assertThrows(IllegalArgumentException.class, () -> HeaderJson.parse(bad), bad);
    }
    assertEquals("\"q\\\"\\\\\\u000a\"", HeaderJson.quote("q\"\\\n"));
  }
}
