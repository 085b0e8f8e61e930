package dev.seq4j.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.seq4j.io.TempFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An English–LANG parallel corpus from the gettext catalogs installed on the machine: every {@code
 * <prefix>/<lang>[_REGION][@variant]/LC_MESSAGES/*.mo}. Each entry gives msgid → msgstr[0] and, for
 * plurals, msgid_plural → msgstr[1]. Both sides are cleaned by {@link CatalogText} (escapes,
 * accelerators, markup, entities; placeholders kept), then a pair is dropped, and counted by
 * reason, when its translation is empty or equal to the source, its placeholders differ from the
 * source's, either side is longer than the word cap, or its source was already seen (compared
 * without case and trailing punctuation, so the splits share no source). The kept pairs are
 * shuffled with a seed and split into test, validation and training sets of stated sizes.
 *
 * <p>Written to the output directory, all or nothing: {@code corpus.en} / {@code corpus.LANG}
 * (every kept pair, in catalog order), {@code train|valid|test.en} / {@code .LANG} (line-aligned
 * text) and {@code train|valid|test.json} in the source document's layout {@code
 * {"data":[{"LANG":…,"en":…}, …]}}.
 */
public final class GettextCorpus {
  /** Where catalogs are installed on Debian-like systems. */
  public static final List<Path> PREFIXES =
      List.of(
          Path.of("/usr/share/locale"),
          Path.of("/usr/local/share/locale"),
          Path.of("/usr/share/locale-langpack"));

  private static final Logger LOG = LoggerFactory.getLogger(GettextCorpus.class);

  private GettextCorpus() {}

  /**
   * How the corpus is filtered and split.
   *
   * @param maxWords longest side, in whitespace-separated words, a kept pair may have
   * @param valid validation pairs
   * @param test test pairs
   * @param seed seed of the shuffle before splitting
   */
  public record Options(int maxWords, int valid, int test, long seed) {
    /** Validates the fields. */
    public Options {
      if (maxWords < 1) {
        throw new IllegalArgumentException("--max-words must be at least 1, was " + maxWords);
      }
      if (valid < 0 || test < 0) {
        throw new IllegalArgumentException(
            "--valid and --test must not be negative, were " + valid + " and " + test);
      }
    }
  }

  /**
   * What an export did.
   *
   * @param dropped pairs dropped, by reason
   * @param train training pairs written
   * @param valid validation pairs written
   * @param test test pairs written
   */
  public record Report(
      int catalogs,
      int catalogsUnreadable,
      long kept,
      Map<String, Long> dropped,
      int train,
      int valid,
      int test) {}

  /** The catalogs of {@code lang} under {@code prefixes}, sorted by path. */
  public static List<Path> catalogs(String lang, List<Path> prefixes) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path prefix : prefixes) {
      if (!Files.isDirectory(prefix)) {
        continue;
      }
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(prefix)) {
        for (Path d : dirs) {
          String n = d.getFileName().toString();
          boolean match = n.equals(lang) || n.startsWith(lang + "_") || n.startsWith(lang + "@");
          Path messages = d.resolve("LC_MESSAGES");
          if (match && Files.isDirectory(messages)) {
            try (DirectoryStream<Path> mos = Files.newDirectoryStream(messages, "*.mo")) {
              mos.forEach(out::add);
            }
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Reads, cleans, filters and splits the catalogs of {@code lang}; writes the files to {@code
   * out}.
   */
  public static Report export(String lang, List<Path> prefixes, Path out, Options options)
      throws IOException {
    List<Path> files = catalogs(lang, prefixes);
    Set<String> seen = new HashSet<>();
    List<String[]> pairs = new ArrayList<>();
    Map<String, Long> dropped = new TreeMap<>();
    int unreadable = 0;
    for (Path f : files) {
      MoCatalog catalog;
      try {
        catalog = MoCatalog.read(f);
      } catch (CorpusException e) {
        LOG.warn("skipping {}", e.getMessage());
        unreadable++;
        continue;
      }
      for (MoCatalog.Entry e : catalog.entries()) {
        offer(e.msgid(), e.msgstr().get(0), options, seen, pairs, dropped);
        if (e.msgidPlural() != null && e.msgstr().size() > 1) {
          offer(e.msgidPlural(), e.msgstr().get(1), options, seen, pairs, dropped);
        }
      }
    }
    if (!files.isEmpty() && pairs.size() <= (long) options.valid() + options.test()) {
      throw new IllegalArgumentException(
          String.format(
              "only %d pairs kept from %d catalogs: --valid %d and --test %d leave no training"
                  + " pairs",
              pairs.size(), files.size(), options.valid(), options.test()));
    }
    List<String[]> shuffled = new ArrayList<>(pairs);
    Collections.shuffle(shuffled, new Random(options.seed()));
    int test = files.isEmpty() ? 0 : options.test();
    int valid = files.isEmpty() ? 0 : options.valid();
    Map<String, List<String[]>> sets = new LinkedHashMap<>();
    sets.put("corpus", pairs);
    sets.put("test", shuffled.subList(0, test));
    sets.put("valid", shuffled.subList(test, test + valid));
    sets.put("train", shuffled.subList(test + valid, shuffled.size()));
    if (!files.isEmpty()) {
      write(out, lang, sets);
    }
    return new Report(
        files.size(),
        unreadable,
        pairs.size(),
        new LinkedHashMap<>(dropped),
        sets.get("train").size(),
        valid,
        test);
  }

  private static void offer(
      String src,
      String trg,
      Options options,
      Set<String> seen,
      List<String[]> pairs,
      Map<String, Long> dropped) {
    String s = CatalogText.clean(src);
    String t = CatalogText.clean(trg);
    String reason = null;
    if (t.isBlank()) {
      reason = "empty translation";
    } else if (s.isBlank()) {
      reason = "empty source";
    } else if (s.equals(t)) {
      reason = "identical to source";
    } else if (!CatalogText.placeholdersMatch(s, t)) {
      reason = "placeholders differ";
    } else if (Math.max(CatalogText.words(s), CatalogText.words(t)) > options.maxWords()) {
      reason = "longer than " + options.maxWords() + " words";
    } else if (!seen.add(CatalogText.sourceKey(s))) {
      reason = "duplicate source";
    }
    if (reason == null) {
      pairs.add(new String[] {s, t});
    } else {
      dropped.merge(reason, 1L, Long::sum);
    }
  }

  /** Writes every file to a temporary sibling first; renames them only when all are written. */
  private static void write(Path out, String lang, Map<String, List<String[]>> sets)
      throws IOException {
    Files.createDirectories(out);
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, List<String[]>> set : sets.entrySet()) {
        String name = set.getKey();
        List<String[]> pairs = set.getValue();
        writeSide(stage(out.resolve(name + ".en"), staged), pairs, 0);
        writeSide(stage(out.resolve(name + "." + lang), staged), pairs, 1);
        if (!name.equals("corpus")) {
          writeJson(stage(out.resolve(name + ".json"), staged), lang, pairs);
        }
      }
      for (Map.Entry<Path, Path> e : staged.entrySet()) {
        Files.move(
            e.getValue(),
            e.getKey(),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path tmp : staged.values()) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static Path stage(Path target, Map<Path, Path> staged) throws IOException {
    Path tmp = TempFiles.sibling(target);
    staged.put(target, tmp);
    return tmp;
  }

  private static void writeSide(Path file, List<String[]> pairs, int side) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String[] p : pairs) {
        w.write(p[side]);
        w.write('\n');
      }
    }
  }

  private static void writeJson(Path file, String lang, List<String[]> pairs) throws IOException {
    try (JsonGenerator g =
        new JsonFactory().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (String[] p : pairs) {
        g.writeStartObject();
        g.writeStringField(lang, p[1]);
        g.writeStringField("en", p[0]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
