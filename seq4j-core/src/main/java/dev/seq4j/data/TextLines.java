package dev.seq4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a text file line by line, streaming, plain or gzip (detected by its magic bytes).
 *
 * <p>Rules: lines end only at {@code \n}; one {@code \r} right before it is dropped (a lone CR
 * elsewhere stays in the line); empty lines are kept so parallel files stay aligned; a UTF-8 BOM at
 * the start is skipped; bytes must be valid UTF-8 (an error names the file, line and byte offset);
 * each line is NFC-normalised.
 */
public final class TextLines implements Iterator<String>, AutoCloseable {
  private final String name;
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] buffer = new byte[256];
  private long offset;
  private long lineNumber;
  private String next;
  private boolean eof;

  private TextLines(String name, InputStream in) {
    this.name = name;
    this.in = in;
  }

  /** Opens {@code file}; a missing file is a {@link CorpusException} naming it. */
  public static TextLines open(Path file) {
    try {
      InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
      return new TextLines(file.toString(), gunzipIfNeeded(raw));
    } catch (NoSuchFileException e) {
      throw new CorpusException(file + ": no such file");
    } catch (IOException e) {
      throw new CorpusException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads lines from a stream (e.g. standard input); {@code name} appears in errors. */
  public static TextLines of(InputStream in, String name) {
    try {
      return new TextLines(name, gunzipIfNeeded(new BufferedInputStream(in, 1 << 16)));
    } catch (IOException e) {
      throw new CorpusException(name + ": " + e.getMessage(), e);
    }
  }

  private static InputStream gunzipIfNeeded(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    if (a == 0x1f && b == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  /** Counts lines of {@code file} at the byte level (a last line without {@code \n} counts). */
  public static long countLines(Path file) {
    try (TextLines lines = open(file)) {
      long n = 0;
      while (lines.readRaw() != null) {
        n++;
      }
      return n;
    }
  }

  /** The 1-based number of the line last returned by {@link #next()}. */
  public long lineNumber() {
    return lineNumber;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !eof) {
      next = readLine();
    }
    return next != null;
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String line = next;
    next = null;
    return line;
  }

  private String readLine() {
    int length = readRaw() == null ? -1 : rawLength;
    if (length < 0) {
      return null;
    }
    lineNumber++;
    int start = 0;
    if (lineNumber == 1
        && length >= 3
        && (buffer[0] & 0xff) == 0xEF
        && (buffer[1] & 0xff) == 0xBB
        && (buffer[2] & 0xff) == 0xBF) {
      start = 3;
    }
    int end = length;
    if (end > start && buffer[end - 1] == '\r') {
      end--;
    }
    String text = decode(start, end);
    return Normalizer.isNormalized(text, Normalizer.Form.NFC)
        ? text
        : Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  private int rawLength;
  private long rawStart;

  /** Reads the bytes of the next line into {@link #buffer}; null at the end of the input. */
  private byte[] readRaw() {
    if (eof) {
      return null;
    }
    rawStart = offset;
    int n = 0;
    try {
      while (true) {
        int c = in.read();
        if (c < 0) {
          eof = true;
          if (n == 0) {
            return null;
          }
          break;
        }
        offset++;
        if (c == '\n') {
          break;
        }
        if (n == buffer.length) {
          buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[n++] = (byte) c;
      }
    } catch (EOFException e) {
      throw new CorpusException(name + ": truncated gzip stream");
    } catch (ZipException e) {
      throw new CorpusException(name + ": corrupt gzip stream (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
    rawLength = n;
    return buffer;
  }

  private String decode(int start, int end) {
    ByteBuffer bytes = ByteBuffer.wrap(buffer, start, end - start);
    CharBuffer chars = CharBuffer.allocate(end - start);
    decoder.reset();
    CoderResult r = decoder.decode(bytes, chars, true);
    if (r.isError()) {
      long at = rawStart + bytes.position();
      throw new CorpusException(name + ":" + (lineNumber) + ": invalid UTF-8 at byte offset " + at);
    }
    decoder.flush(chars);
    chars.flip();
    return chars.toString();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
