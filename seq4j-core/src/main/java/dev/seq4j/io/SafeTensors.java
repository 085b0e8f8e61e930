package dev.seq4j.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The safetensors format (Hugging Face): an 8-byte little-endian header length N, N bytes of JSON
 * ({@code {"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, …}} with an
 * optional {@code "__metadata__"} map of strings), then the raw little-endian tensor bytes, offsets
 * counted from the end of the header. Readable by numpy in ten lines, by PyTorch and by every
 * toolkit that reads Hugging Face weights.
 *
 * <p>The reader trusts nothing a file declares: the header length is capped ({@value
 * #MAX_HEADER_BYTES} bytes) and must fit in the file, every tensor's byte range must lie inside the
 * data area, ranges must not overlap, each range must hold exactly {@code product(shape) × dtype
 * size} bytes (computed without overflow), names must be unique and every field well typed. Any
 * violation is a {@link Invalid} naming the file, the tensor and the problem; nothing is allocated
 * beyond the file's own size.
 */
public final class SafeTensors {
  /** The largest header accepted, as in the reference implementation (100 MB). */
  public static final long MAX_HEADER_BYTES = 100L * 1000 * 1000;

  private static final String METADATA = "__metadata__";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private SafeTensors() {}

  /** Element types, with their names in the format and their sizes in bytes. */
  public enum DType {
    BOOL(1),
    U8(1),
    I8(1),
    I16(2),
    U16(2),
    F16(2),
    BF16(2),
    I32(4),
    U32(4),
    F32(4),
    I64(8),
    U64(8),
    F64(8);

    /** Bytes per element. */
    public final int bytes;

    DType(int bytes) {
      this.bytes = bytes;
    }
  }

  /**
   * One tensor: its element type, shape and raw little-endian bytes ({@code data} from position to
   * limit).
   */
  public record Tensor(DType dtype, long[] shape, ByteBuffer data) {
    /** Checks that {@code data} holds exactly {@code product(shape)} elements. */
    public Tensor {
      shape = shape.clone();
      long n = byteLength(dtype, shape);
      if (data.remaining() != n) {
        throw new IllegalArgumentException(
            dtype
                + " "
                + Arrays.toString(shape)
                + " needs "
                + n
                + " bytes, got "
                + data.remaining());
      }
    }

    /** Number of elements. */
    public long elements() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }

    /** The data as little-endian floats (F32 only). */
    public float[] floats() {
      if (dtype != DType.F32) {
        throw new IllegalStateException("tensor is " + dtype + ", not F32");
      }
      float[] out = new float[(int) elements()];
      data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }
  }

  /** A file that is not valid safetensors; the message names the file and the problem. */
  public static final class Invalid extends IOException {
    Invalid(Path file, String problem) {
      super(file + ": not a valid safetensors file: " + problem);
    }
  }

  /**
   * Writes {@code tensors} in map order (offsets ascending) with {@code metadata} (may be empty);
   * the header is padded with spaces so the data starts 8-byte aligned.
   */
  public static void write(
      OutputStream out, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(METADATA);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      if (e.getKey().equals(METADATA)) {
        throw new IllegalArgumentException("a tensor may not be named " + METADATA);
      }
      Tensor t = e.getValue();
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", t.dtype().name());
      ArrayNode shape = entry.putArray("shape");
      for (long d : t.shape) {
        shape.add(d);
      }
      long end = offset + t.data().remaining();
      entry.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    byte[] head = Arrays.copyOf(json, padded);
    Arrays.fill(head, json.length, padded, (byte) ' ');
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
    out.write(head);
    byte[] chunk = new byte[1 << 16];
    for (Tensor t : tensors.values()) {
      ByteBuffer data = t.data().duplicate();
      while (data.hasRemaining()) {
        int n = Math.min(chunk.length, data.remaining());
        data.get(chunk, 0, n);
        out.write(chunk, 0, n);
      }
    }
  }

  /** A tensor's entry in the header, checked. */
  private record Entry(String name, DType dtype, long[] shape, long begin, long end) {}

  /**
   * Reads every tensor of {@code file}, in the order of their data, after checking the whole header
   * against the file (see the class comment). The metadata, if any, is ignored.
   *
   * @throws Invalid for anything that is not well-formed safetensors
   */
  public static Map<String, Tensor> read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw new Invalid(
            file, "the file has " + size + " bytes, fewer than the 8 of the header length");
      }
      long declared = readFully(ch, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (declared < 0 || declared > MAX_HEADER_BYTES) {
        throw new Invalid(
            file,
            "header length "
                + Long.toUnsignedString(declared)
                + " is over the cap of "
                + MAX_HEADER_BYTES
                + " bytes");
      }
      if (8 + declared > size) {
        throw new Invalid(
            file,
            "header length " + declared + " runs past the end of the file (" + size + " bytes)");
      }
      ByteBuffer headerBytes = readFully(ch, 8, (int) declared, file);
      List<Entry> entries = parseHeader(file, headerBytes, size - 8 - declared);
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (Entry e : entries) {
        ByteBuffer data =
            readFully(ch, 8 + declared + e.begin(), (int) (e.end() - e.begin()), file);
        out.put(e.name(), new Tensor(e.dtype(), e.shape(), data));
      }
      return out;
    }
  }

  private static List<Entry> parseHeader(Path file, ByteBuffer bytes, long dataSize)
      throws Invalid {
    JsonNode root;
    try {
      root = JSON.readTree(StandardCharsets.UTF_8.decode(bytes).toString().strip());
    } catch (JsonProcessingException e) {
      throw new Invalid(file, "the header is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new Invalid(file, "the header is not a JSON object");
    }
    List<Entry> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!f.getKey().equals(METADATA)) {
        entries.add(entry(file, f.getKey(), f.getValue(), dataSize));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    for (int i = 1; i < entries.size(); i++) {
      Entry a = entries.get(i - 1);
      Entry b = entries.get(i);
      if (b.begin() < a.end()) {
        throw new Invalid(
            file,
            "tensors '"
                + a.name()
                + "' and '"
                + b.name()
                + "' overlap (bytes "
                + b.begin()
                + "…"
                + Math.min(a.end(), b.end())
                + ")");
      }
    }
    return entries;
  }

  private static Entry entry(Path file, String name, JsonNode node, long dataSize) throws Invalid {
    String where = "tensor '" + name + "': ";
    if (!node.isObject()) {
      throw new Invalid(file, where + "entry is not an object");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new Invalid(file, where + "dtype missing or not a string");
    }
    DType dtype;
    try {
      dtype = DType.valueOf(dtypeNode.textValue().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Invalid(file, where + "unknown dtype '" + dtypeNode.textValue() + "'");
    }
    long[] shape = integers(file, where + "shape", node.get("shape"), -1);
    long[] offsets = integers(file, where + "data_offsets", node.get("data_offsets"), 2);
    long need;
    try {
      need = byteLength(dtype, shape);
    } catch (IllegalArgumentException e) {
      throw new Invalid(file, where + e.getMessage());
    }
    if (offsets[0] > offsets[1] || offsets[1] > dataSize) {
      throw new Invalid(
          file,
          where
              + "data_offsets "
              + Arrays.toString(offsets)
              + " lie outside the data ("
              + dataSize
              + " bytes)");
    }
    if (offsets[1] - offsets[0] != need) {
      throw new Invalid(
          file,
          where
              + dtype
              + " "
              + Arrays.toString(shape)
              + " needs "
              + need
              + " bytes, data_offsets "
              + Arrays.toString(offsets)
              + " give "
              + (offsets[1] - offsets[0]));
    }
    return new Entry(name, dtype, shape, offsets[0], offsets[1]);
  }

  /** Non-negative integers of a JSON array ({@code count} of them, or any number when -1). */
  private static long[] integers(Path file, String what, JsonNode node, int count) throws Invalid {
    if (node == null || !node.isArray() || count >= 0 && node.size() != count) {
      throw new Invalid(
          file,
          what + (count >= 0 ? " must be a list of " + count + " integers" : " must be a list"));
    }
    long[] out = new long[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
        throw new Invalid(file, what + "[" + i + "] is not a non-negative integer: " + v);
      }
      out[i] = v.longValue();
    }
    return out;
  }

  /** {@code product(shape) × dtype.bytes}, refusing overflow and sizes no array can hold. */
  private static long byteLength(DType dtype, long[] shape) {
    long n = dtype.bytes;
    try {
      for (long d : shape) {
        if (d < 0) {
          throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
        }
        n = Math.multiplyExact(n, d);
      }
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " overflows a 64-bit byte count");
    }
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " of "
              + n
              + " bytes is over the 2 GB a tensor may hold");
    }
    return n;
  }

  private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file)
      throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    long at = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, at);
      if (n < 0) {
        throw new Invalid(file, "the file ends at byte " + at + ", inside a declared range");
      }
      at += n;
    }
    return buf.flip();
  }
}
