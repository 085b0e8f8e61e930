package dev.seq4j.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GNU gettext {@code .mo} catalog: the binary table of original strings (msgid, with an optional
 * context before U+0004 and an optional plural after NUL) and their translations (plural forms
 * separated by NUL), in either byte order, decoded with the charset its header names.
 */
public final class MoCatalog {
  private static final int MAGIC = 0x950412de;
  private static final long MAX_BYTES = 256L << 20;
  private static final Pattern CHARSET = Pattern.compile("charset=([A-Za-z0-9_.:-]+)");

  /** One entry. {@code context} and {@code msgidPlural} are null when absent. */
  public record Entry(String context, String msgid, String msgidPlural, List<String> msgstr) {}

  private final String header;
  private final List<Entry> entries;

  private MoCatalog(String header, List<Entry> entries) {
    this.header = header;
    this.entries = entries;
  }

  /** The header entry's text (empty when there is none). */
  public String header() {
    return header;
  }

  /** Every entry except the header, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Reads and decodes {@code file}; problems are {@link CorpusException}s naming it. */
  public static MoCatalog read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CorpusException(file + ": larger than 256 MiB, not a message catalog");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new CorpusException(file + ": no such file");
    } catch (IOException e) {
      throw new CorpusException(file + ": " + e.getMessage(), e);
    }
    return parse(bytes, file.toString());
  }

  /** Parses catalog bytes; {@code name} appears in error messages. */
  public static MoCatalog parse(byte[] bytes, String name) {
    if (bytes.length < 28) {
      throw new CorpusException(name + ": not a .mo file (too short)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (buf.getInt(0) != MAGIC) {
      buf.order(ByteOrder.BIG_ENDIAN);
      if (buf.getInt(0) != MAGIC) {
        throw new CorpusException(name + ": not a .mo file (bad magic number)");
      }
    }
    long count = Integer.toUnsignedLong(buf.getInt(8));
    long originals = Integer.toUnsignedLong(buf.getInt(12));
    long translations = Integer.toUnsignedLong(buf.getInt(16));
    if (originals + count * 8 > bytes.length || translations + count * 8 > bytes.length) {
      throw new CorpusException(
          name + ": corrupt .mo file (string tables past the end of the file)");
    }
    byte[][] ids = new byte[(int) count][];
    byte[][] strs = new byte[(int) count][];
    for (int i = 0; i < count; i++) {
      ids[i] = slice(buf, bytes, (int) (originals + 8L * i), name, i);
      strs[i] = slice(buf, bytes, (int) (translations + 8L * i), name, i);
    }
    Charset charset = StandardCharsets.UTF_8;
    String header = "";
    for (int i = 0; i < count; i++) {
      if (ids[i].length == 0) {
        header = new String(strs[i], StandardCharsets.ISO_8859_1);
        Matcher m = CHARSET.matcher(header);
        if (m.find() && !m.group(1).equalsIgnoreCase("CHARSET")) {
          try {
            charset = Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new CorpusException(
                name + ": unknown charset '" + m.group(1) + "' in the header");
          }
        }
        header = decode(strs[i], charset, name, i);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (ids[i].length == 0) {
        continue;
      }
      String id = decode(ids[i], charset, name, i);
      String context = null;
      int eot = id.indexOf('\u0004');
      if (eot >= 0) {
        context = id.substring(0, eot);
        id = id.substring(eot + 1);
      }
      String plural = null;
      int nul = id.indexOf('\0');
      if (nul >= 0) {
        plural = id.substring(nul + 1);
        id = id.substring(0, nul);
      }
      List<String> forms = Arrays.asList(decode(strs[i], charset, name, i).split("\0", -1));
      entries.add(new Entry(context, id, plural, List.copyOf(forms)));
    }
    return new MoCatalog(header, List.copyOf(entries));
  }

  private static byte[] slice(ByteBuffer buf, byte[] bytes, int at, String name, int index) {
    long length = Integer.toUnsignedLong(buf.getInt(at));
    long offset = Integer.toUnsignedLong(buf.getInt(at + 4));
    if (offset + length > bytes.length) {
      throw new CorpusException(
          name + ": corrupt .mo file (string " + index + " ends past the end of the file)");
    }
    return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + length));
  }

  private static String decode(byte[] b, Charset charset, String name, int index) {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new CorpusException(name + ": string " + index + " is not valid " + charset.name());
    }
  }
}
