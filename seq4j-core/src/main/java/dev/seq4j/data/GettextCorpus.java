package dev.seq4j.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An English→target parallel corpus from the gettext catalogs installed on the machine: every
 * {@code <prefix>/<lang>[_REGION][@variant]/LC_MESSAGES/*.mo}. Each entry gives msgid → msgstr[0]
 * and, for plurals, msgid_plural → msgstr[1]; pairs with an empty translation, a translation equal
 * to the source, or already seen are dropped and counted by reason. Line breaks and tabs inside a
 * message become spaces so the two files stay line-aligned.
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
   * What an export did.
   *
   * @param dropped pairs dropped, by reason
   */
  public record Report(
      int catalogs, int catalogsUnreadable, long kept, Map<String, Long> dropped) {}

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

  /** Writes {@code out/corpus.en} and {@code out/corpus.LANG}; returns the counts. */
  public static Report export(String lang, List<Path> prefixes, Path out) throws IOException {
    List<Path> files = catalogs(lang, prefixes);
    Set<String> seen = new LinkedHashSet<>();
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
        offer(e.msgid(), e.msgstr().get(0), seen, pairs, dropped);
        if (e.msgidPlural() != null && e.msgstr().size() > 1) {
          offer(e.msgidPlural(), e.msgstr().get(1), seen, pairs, dropped);
        }
      }
    }
    write(out, lang, pairs);
    return new Report(files.size(), unreadable, pairs.size(), new LinkedHashMap<>(dropped));
  }

  private static void offer(
      String src, String trg, Set<String> seen, List<String[]> pairs, Map<String, Long> dropped) {
    String s = clean(src);
    String t = clean(trg);
    String reason = null;
    if (t.isBlank()) {
      reason = "empty translation";
    } else if (s.isBlank()) {
      reason = "empty source";
    } else if (s.equals(t)) {
      reason = "identical to source";
    } else if (!seen.add(s + "\t" + t)) {
      reason = "duplicate";
    }
    if (reason == null) {
      pairs.add(new String[] {s, t});
    } else {
      dropped.merge(reason, 1L, Long::sum);
    }
  }

  private static String clean(String s) {
    String flat = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return Normalizer.normalize(flat.strip(), Normalizer.Form.NFC);
  }

  private static void write(Path out, String lang, List<String[]> pairs) throws IOException {
    Files.createDirectories(out);
    Path en = out.resolve("corpus.en");
    Path other = out.resolve("corpus." + lang);
    Path tmpEn = TempFiles.sibling(out.resolve("corpus.en"));
    Path tmpOther = TempFiles.sibling(out.resolve("corpus." + lang));
    try {
      try (Writer a = Files.newBufferedWriter(tmpEn, StandardCharsets.UTF_8);
          Writer b = Files.newBufferedWriter(tmpOther, StandardCharsets.UTF_8)) {
        for (String[] p : pairs) {
          a.write(p[0]);
          a.write('\n');
          b.write(p[1]);
          b.write('\n');
        }
      }
      Files.move(tmpEn, en, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          tmpOther, other, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmpEn);
      Files.deleteIfExists(tmpOther);
    }
  }
}
