package dev.seq4j.data;

import dev.seq4j.config.DataConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Opens a parallel corpus as a stream of {@link SentencePair}s.
 *
 * <ul>
 *   <li>{@code text}: {@code PREFIX.SRC} and {@code PREFIX.TRG}, each plain or {@code .gz}; files
 *       with different line counts are refused before any pair is read.
 *   <li>{@code tsv}: one file, source TAB target per line.
 *   <li>{@code json}: {@code {"data":[{"ko":…,"en":…}, …]}} with the language codes as field names.
 * </ul>
 */
public final class ParallelCorpus {
  private ParallelCorpus() {}

  /** A closeable iterator of pairs. */
  public interface Reader extends Iterator<SentencePair>, AutoCloseable {
    @Override
    void close();
  }

  /**
   * Opens the corpus at {@code path} in {@code format}. A new format is a reader class here plus a
   * constant of {@link DataConfig.Format}; this switch then fails to compile until it has its case.
   */
  public static Reader open(String path, DataConfig.Format format, String src, String trg) {
    return switch (format) {
      case TEXT -> openText(path, src, trg);
      case TSV -> new TsvReader(Path.of(path));
      case JSON -> new JsonCorpusReader(Path.of(path), src, trg);
    };
  }

  /** Reads a whole corpus into memory (for training sets that fit). */
  public static List<SentencePair> readAll(
      String path, DataConfig.Format format, String src, String trg) {
    List<SentencePair> out = new ArrayList<>();
    try (Reader r = open(path, format, src, trg)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  /** The file of one side: {@code PREFIX.LANG} or {@code PREFIX.LANG.gz}, whichever exists. */
  public static Path sideFile(String prefix, String lang) {
    Path plain = Path.of(prefix + "." + lang);
    Path gz = Path.of(prefix + "." + lang + ".gz");
    if (Files.exists(plain)) {
      return plain;
    }
    if (Files.exists(gz)) {
      return gz;
    }
    throw new CorpusException("no such file: " + plain + " (nor " + gz + ")");
  }

  private static Reader openText(String prefix, String src, String trg) {
    Path a = sideFile(prefix, src);
    Path b = sideFile(prefix, trg);
    long na = TextLines.countLines(a);
    long nb = TextLines.countLines(b);
    if (na != nb) {
      throw new CorpusException(
          "parallel files differ in line count: "
              + a
              + " has "
              + na
              + " lines, "
              + b
              + " has "
              + nb
              + " lines");
    }
    TextLines la = TextLines.open(a);
    TextLines lb = TextLines.open(b);
    return new Reader() {
      @Override
      public boolean hasNext() {
        return la.hasNext() && lb.hasNext();
      }

      @Override
      public SentencePair next() {
        return new SentencePair(la.next(), lb.next(), la.lineNumber());
      }

      @Override
      public void close() {
        la.close();
        lb.close();
      }
    };
  }

  /** Tab-separated pairs. */
  private static final class TsvReader implements Reader {
    private final Path file;
    private final TextLines lines;

    TsvReader(Path file) {
      this.file = file;
      this.lines = TextLines.open(file);
    }

    @Override
    public boolean hasNext() {
      return lines.hasNext();
    }

    @Override
    public SentencePair next() {
      String line = lines.next();
      if (line.isEmpty()) {
        return new SentencePair("", "", lines.lineNumber());
      }
      String[] cols = line.split("\t", -1);
      if (cols.length != 2) {
        throw new CorpusException(
            file
                + ":"
                + lines.lineNumber()
                + ": expected 2 tab-separated columns, found "
                + cols.length);
      }
      return new SentencePair(cols[0], cols[1], lines.lineNumber());
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
