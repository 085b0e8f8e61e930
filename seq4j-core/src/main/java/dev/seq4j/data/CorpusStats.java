package dev.seq4j.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Statistics of one text file: lines, empty lines, whitespace tokens, characters, sentence length
 * percentiles (in tokens) and the number of distinct tokens.
 */
public record CorpusStats(
    long lines,
    long emptyLines,
    long tokens,
    long characters,
    int p50,
    int p90,
    int p95,
    int p99,
    int max,
    long vocabulary) {

  /** Reads {@code file} once, streaming. */
  public static CorpusStats of(Path file) {
    long lines = 0;
    long empty = 0;
    long tokens = 0;
    long chars = 0;
    int[] lengths = new int[1024];
    Set<String> vocab = new HashSet<>();
    try (TextLines t = TextLines.open(file)) {
      while (t.hasNext()) {
        String line = t.next();
        String[] words = line.isBlank() ? new String[0] : line.trim().split("\\s+");
        if (lines == lengths.length) {
          lengths = Arrays.copyOf(lengths, lengths.length * 2);
        }
        lengths[(int) lines++] = words.length;
        empty += words.length == 0 ? 1 : 0;
        tokens += words.length;
        chars += line.codePointCount(0, line.length());
        vocab.addAll(Arrays.asList(words));
      }
    }
    int[] sorted = Arrays.copyOf(lengths, (int) lines);
    Arrays.sort(sorted);
    return new CorpusStats(
        lines,
        empty,
        tokens,
        chars,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1],
        vocab.size());
  }

  /** Nearest-rank percentile of sorted values (0 when empty). */
  static int percentile(int[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Column titles matching {@link #row}. */
  public static String header() {
    return String.format(
        Locale.ROOT,
        "%-30s %10s %8s %12s %13s %5s %5s %5s %5s %5s %10s",
        "file",
        "lines",
        "empty",
        "tokens",
        "chars",
        "p50",
        "p90",
        "p95",
        "p99",
        "max",
        "vocab");
  }

  /** One aligned table row. */
  public String row(String name) {
    return String.format(
        Locale.ROOT,
        "%-30s %10d %8d %12d %13d %5d %5d %5d %5d %5d %10d",
        name,
        lines,
        emptyLines,
        tokens,
        characters,
        p50,
        p90,
        p95,
        p99,
        max,
        vocabulary);
  }
}
