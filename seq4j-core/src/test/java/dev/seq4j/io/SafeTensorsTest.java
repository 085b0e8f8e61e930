package dev.seq4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.io.SafeTensors.DType;
import dev.seq4j.io.SafeTensors.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors writer's exact bytes, the round trip, and one test per kind of hostile file. */
class SafeTensorsTest {
  @TempDir Path dir;

  private static Tensor f32(long[] shape, float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return new Tensor(DType.F32, shape, b.flip());
  }

  @Test
  void writesTheExactBytesOfTheFormat() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SafeTensors.write(out, Map.of("a", f32(new long[] {2}, 1f, -2f)), Map.of());
    byte[] bytes = out.toByteArray();
    String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
    assertEquals(54, json.length());
    // 54 bytes of JSON padded with two spaces to 56, a multiple of 8
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(56, b.getLong());
    assertEquals(json + "  ", new String(bytes, 8, 56, StandardCharsets.UTF_8));
    assertEquals(8 + 56 + 8, bytes.length);
    assertEquals(1f, b.getFloat(64));
    assertEquals(-2f, b.getFloat(68));
  }

  @Test
  void aWrittenFileReadsBackIdentically() throws IOException {
    Map<String, Tensor> in = new LinkedHashMap<>();
    in.put("encoder.embedding", f32(new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
    in.put("scalar", f32(new long[] {}, 0.5f));
    in.put("empty", f32(new long[] {0, 4}));
    ByteBuffer ids = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-1);
    in.put("ids", new Tensor(DType.I64, new long[] {2}, ids.flip()));
    Path file = dir.resolve("m.safetensors");
    try (var out = Files.newOutputStream(file)) {
      SafeTensors.write(out, in, Map.of("format", "seq4j"));
    }
    Map<String, Tensor> back = SafeTensors.read(file);
    assertEquals(List.copyOf(in.keySet()), List.copyOf(back.keySet()));
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back.get("encoder.embedding").floats());
    assertArrayEquals(new long[] {2, 3}, back.get("encoder.embedding").shape());
    assertArrayEquals(new float[] {0.5f}, back.get("scalar").floats());
    assertEquals(0, back.get("empty").elements());
    ByteBuffer b = back.get("ids").data().order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(7, b.getLong(0));
    assertEquals(-1, b.getLong(8));
  }

  /** A file of an 8-byte length {@code declared}, then {@code header}, then {@code data} bytes. */
  private Path craft(long declared, String header, int data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(declared).put(h);
    Path file = dir.resolve("hostile.safetensors");
    Files.write(file, b.array());
    return file;
  }

  private Path craft(String header, int data) throws IOException {
    return craft(header.getBytes(StandardCharsets.UTF_8).length, header, data);
  }

  private void refused(Path file, String problem) {
    IOException e = assertThrows(SafeTensors.Invalid.class, () -> SafeTensors.read(file));
    assertEquals(file + ": not a valid safetensors file: " + problem, e.getMessage());
  }

  private static String entry(String name, String dtype, String shape, long begin, long end) {
    return "\""
        + name
        + "\":{\"dtype\":\""
        + dtype
        + "\",\"shape\":"
        + shape
        + ",\"data_offsets\":["
        + begin
        + ","
        + end
        + "]}";
  }

  @Test
  void aHeaderOf2To40BytesIsRefusedBeforeAnyAllocation() throws IOException {
    refused(
        craft(1L << 40, "{}", 0), "header length 1099511627776 is over the cap of 100000000 bytes");
    refused(
        craft(-1L, "{}", 0),
        "header length 18446744073709551615 is over the cap of 100000000 bytes");
  }

  @Test
  void aHeaderLongerThanTheFileIsRefused() throws IOException {
    refused(craft(5000, "{}", 0), "header length 5000 runs past the end of the file (10 bytes)");
    Path tiny = Files.write(dir.resolve("tiny"), new byte[] {1, 2, 3});
    refused(tiny, "the file has 3 bytes, fewer than the 8 of the header length");
  }

  @Test
  void offsetsPastTheEndOfTheFileAreRefused() throws IOException {
    refused(
        craft("{" + entry("w", "F32", "[4]", 0, 16) + "}", 8),
        "tensor 'w': data_offsets [0, 16] lie outside the data (8 bytes)");
    refused(
        craft("{" + entry("w", "F32", "[1]", 8, 4) + "}", 8),
        "tensor 'w': data_offsets [8, 4] lie outside the data (8 bytes)");
  }

  @Test
  void overlappingTensorsAreRefused() throws IOException {
    refused(
        craft(
            "{" + entry("a", "F32", "[2]", 0, 8) + "," + entry("b", "F32", "[2]", 4, 12) + "}", 12),
        "tensors 'a' and 'b' overlap (bytes 4…8)");
  }

  @Test
  void shapesThatOverflowOrDisagreeWithTheirBytesAreRefused() throws IOException {
    refused(
        craft("{" + entry("w", "F32", "[4611686018427387904,4]", 0, 8) + "}", 8),
        "tensor 'w': shape [4611686018427387904, 4] overflows a 64-bit byte count");
    refused(
        craft("{" + entry("w", "F32", "[1000000,1000]", 0, 8) + "}", 8),
        "tensor 'w': shape [1000000, 1000] of 4000000000 bytes is over the 2 GB a tensor may hold");
    refused(
        craft("{" + entry("w", "F32", "[3]", 0, 8) + "}", 8),
        "tensor 'w': F32 [3] needs 12 bytes, data_offsets [0, 8] give 8");
    refused(
        craft("{" + entry("w", "F32", "[-2]", 0, 8) + "}", 8),
        "tensor 'w': shape[0] is not a non-negative integer: -2");
  }

  @Test
  void malformedHeadersAreRefusedByName() throws IOException {
    refused(
        craft("{\"w\":", 0),
        "the header is not valid JSON: Unexpected end-of-input within/between Object entries");
    refused(craft("[1,2]", 0), "the header is not a JSON object");
    refused(
        craft("{" + entry("w", "F32", "[1]", 0, 4) + "," + entry("w", "F32", "[1]", 4, 8) + "}", 8),
        "the header is not valid JSON: Duplicate field 'w'");
    refused(craft("{" + entry("w", "Q4", "[1]", 0, 4) + "}", 4), "tensor 'w': unknown dtype 'Q4'");
    refused(
        craft("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4),
        "tensor 'w': data_offsets must be a list of 2 integers");
    refused(craft("{\"w\":7}", 4), "tensor 'w': entry is not an object");
  }
}
