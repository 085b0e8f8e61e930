package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextLinesTest {
  @TempDir Path dir;

  private List<String> read(Path f) {
    List<String> out = new ArrayList<>();
    try (TextLines t = TextLines.open(f)) {
      t.forEachRemaining(out::add);
    }
    return out;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void splitsOnlyOnNewlineAndKeepsEmptyLines() throws IOException {
    byte[] text = "a\r\n\nb\rc\n\u2028d\u0085e\nlast".getBytes(StandardCharsets.UTF_8);
    Path f = write("t.txt", text);
    assertEquals(List.of("a", "", "b\rc", "\u2028d\u0085e", "last"), read(f));
    assertEquals(5, TextLines.countLines(f));
  }

  @Test
  void gzipIsDetectedByMagicAndBomIsSkipped() throws IOException {
    byte[] text = "\uFEFFhello\nwörld\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of("hello", "wörld"), read(write("no-extension", gzip(text))));
    assertEquals(List.of("hello", "wörld"), read(write("plain.txt", text)));
  }

  @Test
  void linesAreNfcNormalised() throws IOException {
    Path f = write("nfd.txt", "Cafe\u0301\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("Caf\u00e9"), read(f));
  }

  @ParameterizedTest
  @ValueSource(strings = {"C3 28", "FF", "C0 AF", "ED A0 80"})
  void invalidUtf8NamesFileLineAndByteOffset(String hex) throws IOException {
    byte[] bad = hexBytes(hex);
    byte[] prefix = "ok\nab".getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(prefix, prefix.length + bad.length + 1);
    System.arraycopy(bad, 0, all, prefix.length, bad.length);
    all[all.length - 1] = '\n';
    Path f = write("bad.txt", all);
    CorpusException e = assertThrows(CorpusException.class, () -> read(f));
    // the bad sequence starts right after "ok\nab": byte offset 5 of the file
    assertEquals(f + ":2: invalid UTF-8 at byte offset 5", e.getMessage());
  }

  @Test
  void truncatedGzipIsAClearError() throws IOException {
    byte[] gz = gzip("line one\nline two\n".repeat(200).getBytes(StandardCharsets.UTF_8));
    Path f = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
    CorpusException e = assertThrows(CorpusException.class, () -> read(f));
    assertEquals(f + ": truncated gzip stream", e.getMessage());
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("nope.txt");
    CorpusException e = assertThrows(CorpusException.class, () -> read(f));
    assertEquals(f + ": no such file", e.getMessage());
  }

  @Test
  void emptyFileHasNoLines() throws IOException {
    Path f = write("empty.txt", new byte[0]);
    assertEquals(List.of(), read(f));
    assertEquals(0, TextLines.countLines(f));
  }

  private static byte[] hexBytes(String hex) {
    String[] parts = hex.trim().split(" ");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      b[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return b;
  }
}
