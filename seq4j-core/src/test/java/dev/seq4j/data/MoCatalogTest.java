package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.config.DataConfig;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoCatalogTest {
  @TempDir Path dir;

  private static final List<String[]> KO =
      List.of(
          new String[] {"", "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1;\n"},
          new String[] {"Open file", "파일 열기"},
          new String[] {"menu\u0004Open", "열기"},
          new String[] {"%d file\0%d files", "파일 %d개\0파일 %d개들"},
          new String[] {"Cancel", ""},
          new String[] {"OK", "OK"},
          new String[] {"Line one\nline two", "첫 줄\n둘째 줄"});

  @Test
  void readsBothByteOrdersWithContextsAndPlurals() throws IOException {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      Path f = dir.resolve("ko-" + order + ".mo");
      Files.write(f, MoWriter.write(KO, order, StandardCharsets.UTF_8));
      MoCatalog c = MoCatalog.read(f);
      assertEquals(6, c.entries().size(), order.toString());
      assertEquals(
          new MoCatalog.Entry(null, "Open file", null, List.of("파일 열기")), c.entries().get(0));
      assertEquals(new MoCatalog.Entry("menu", "Open", null, List.of("열기")), c.entries().get(1));
      assertEquals(
          new MoCatalog.Entry(null, "%d file", "%d files", List.of("파일 %d개", "파일 %d개들")),
          c.entries().get(2));
      assertEquals(true, c.header().contains("charset=UTF-8"));
    }
  }

  @Test
  void decodesWithTheHeaderCharset() throws IOException {
    List<String[]> latin =
        List.of(
            new String[] {"", "Content-Type: text/plain; charset=ISO-8859-1\n"},
            new String[] {"Cafe", "Café"});
    Path f = dir.resolve("fr.mo");
    Files.write(f, MoWriter.write(latin, ByteOrder.LITTLE_ENDIAN, StandardCharsets.ISO_8859_1));
    assertEquals(List.of("Café"), MoCatalog.read(f).entries().get(0).msgstr());
  }

  @Test
  void corruptFilesAreClearErrors() throws IOException {
    Path f = dir.resolve("bad.mo");
    Files.write(f, "definitely not a catalog at all".getBytes(StandardCharsets.US_ASCII));
    assertEquals(
        f + ": not a .mo file (bad magic number)",
        assertThrows(CorpusException.class, () -> MoCatalog.read(f)).getMessage());
    byte[] good = MoWriter.write(KO, ByteOrder.LITTLE_ENDIAN, StandardCharsets.UTF_8);
    Files.write(f, Arrays.copyOf(good, good.length - 20));
    assertEquals(
        f + ": corrupt .mo file (string 6 ends past the end of the file)",
        assertThrows(CorpusException.class, () -> MoCatalog.read(f)).getMessage());
    byte[] huge = good.clone();
    huge[8] = (byte) 0xff;
    huge[9] = (byte) 0xff;
    huge[10] = (byte) 0xff;
    huge[11] = (byte) 0x0f;
    Files.write(f, huge);
    assertEquals(
        f + ": corrupt .mo file (string tables past the end of the file)",
        assertThrows(CorpusException.class, () -> MoCatalog.read(f)).getMessage());
  }

  @Test
  void gettextExportKeepsDedupsAndCountsDrops() throws IOException {
    Path prefix = dir.resolve("locale");
    for (String lang : List.of("ko", "ko_KR", "kok")) {
      Path messages = Files.createDirectories(prefix.resolve(lang).resolve("LC_MESSAGES"));
      Files.write(
          messages.resolve("app.mo"),
          MoWriter.write(KO, ByteOrder.LITTLE_ENDIAN, StandardCharsets.UTF_8));
    }
    Files.write(prefix.resolve("ko/LC_MESSAGES/broken.mo"), new byte[] {1, 2, 3});
    Path out = dir.resolve("out");
    GettextCorpus.Report r =
        GettextCorpus.export(
            "ko",
            List.of(prefix, dir.resolve("missing")),
            out,
            new GettextCorpus.Options(30, 1, 1, 7));
    assertEquals(3, r.catalogs());
    assertEquals(1, r.catalogsUnreadable());
    assertEquals(5, r.kept());
    assertEquals(
        Map.of("duplicate source", 5L, "empty translation", 2L, "identical to source", 2L),
        r.dropped());
    assertEquals(
        List.of("Open file", "Open", "%d file", "%d files", "Line one line two"),
        Files.readAllLines(out.resolve("corpus.en")));
    assertEquals(
        List.of("파일 열기", "열기", "파일 %d개", "파일 %d개들", "첫 줄 둘째 줄"),
        Files.readAllLines(out.resolve("corpus.ko")));
    assertEquals(List.of(3, 1, 1), List.of(r.train(), r.valid(), r.test()));
    // the three splits partition the kept pairs, line-aligned, and the JSON holds the same pairs
    List<String> all = new java.util.ArrayList<>();
    for (String set : List.of("train", "valid", "test")) {
      List<String> en = Files.readAllLines(out.resolve(set + ".en"));
      List<String> ko = Files.readAllLines(out.resolve(set + ".ko"));
      assertEquals(en.size(), ko.size());
      List<SentencePair> json = new java.util.ArrayList<>();
      try (ParallelCorpus.Reader reader =
          ParallelCorpus.open(
              out.resolve(set + ".json").toString(), DataConfig.Format.JSON, "ko", "en")) {
        reader.forEachRemaining(json::add);
      }
      assertEquals(en.size(), json.size());
      for (int i = 0; i < en.size(); i++) {
        assertEquals(ko.get(i), json.get(i).src());
        assertEquals(en.get(i), json.get(i).trg());
        all.add(en.get(i) + "\t" + ko.get(i));
      }
    }
    List<String> corpus = new java.util.ArrayList<>();
    List<String> corpusKo = Files.readAllLines(out.resolve("corpus.ko"));
    List<String> corpusEn = Files.readAllLines(out.resolve("corpus.en"));
    for (int i = 0; i < corpusEn.size(); i++) {
      corpus.add(corpusEn.get(i) + "\t" + corpusKo.get(i));
    }
    all.sort(null);
    corpus.sort(null);
    assertEquals(corpus, all);
    // the same seed gives the same split; no temporary files are left behind
    List<String> test = Files.readAllLines(out.resolve("test.en"));
    GettextCorpus.export("ko", List.of(prefix), out, new GettextCorpus.Options(30, 1, 1, 7));
    assertEquals(test, Files.readAllLines(out.resolve("test.en")));
    try (var files = Files.list(out)) {
      assertEquals(11, files.count());
    }
  }

  @Test
  void gettextExportRefusesSplitsLargerThanTheCorpusAndWritesNothing() throws IOException {
    Path messages = Files.createDirectories(dir.resolve("locale/ko/LC_MESSAGES"));
    Files.write(
        messages.resolve("app.mo"),
        MoWriter.write(KO, ByteOrder.LITTLE_ENDIAN, StandardCharsets.UTF_8));
    Path out = dir.resolve("out");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                GettextCorpus.export(
                    "ko",
                    List.of(dir.resolve("locale")),
                    out,
                    new GettextCorpus.Options(30, 3, 2, 1)));
    assertEquals(
        "only 5 pairs kept from 1 catalogs: --valid 3 and --test 2 leave no training pairs",
        e.getMessage());
    assertEquals(false, Files.exists(out));
  }
}
