package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.config.DataConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void plainTextPairsKeepEmptyLinesAligned() throws IOException {
    write("train.de", "Hallo Welt\n\nGuten Tag\n");
    write("train.en", "Hello world\n\nGood day\n");
    List<SentencePair> pairs =
        ParallelCorpus.readAll(dir.resolve("train").toString(), DataConfig.Format.TEXT, "de", "en");
    assertEquals(
        List.of(
            new SentencePair("Hallo Welt", "Hello world", 1),
            new SentencePair("", "", 2),
            new SentencePair("Guten Tag", "Good day", 3)),
        pairs);
  }

  @Test
  void mismatchedLineCountsAreRefusedBeforeReading() throws IOException {
    write("c.de", "a\nb\nc\n");
    write("c.en", "a\nb\n");
    CorpusException e =
        assertThrows(
            CorpusException.class,
            () ->
                ParallelCorpus.open(
                    dir.resolve("c").toString(), DataConfig.Format.TEXT, "de", "en"));
    assertEquals(
        "parallel files differ in line count: "
            + dir.resolve("c.de")
            + " has 3 lines, "
            + dir.resolve("c.en")
            + " has 2 lines",
        e.getMessage());
  }

  @Test
  void missingSideNamesBothNamesTried() {
    CorpusException e =
        assertThrows(
            CorpusException.class,
            () ->
                ParallelCorpus.open(
                    dir.resolve("x").toString(), DataConfig.Format.TEXT, "de", "en"));
    assertEquals(
        "no such file: " + dir.resolve("x.de") + " (nor " + dir.resolve("x.de.gz") + ")",
        e.getMessage());
  }

  @Test
  void tsvNeedsTwoColumns() throws IOException {
    write("c.tsv", "eins\tone\n\nzwei\ttwo\textra\n");
    Path f = dir.resolve("c.tsv");
    try (ParallelCorpus.Reader r =
        ParallelCorpus.open(f.toString(), DataConfig.Format.TSV, "de", "en")) {
      assertEquals(new SentencePair("eins", "one", 1), r.next());
      assertEquals(new SentencePair("", "", 2), r.next());
      CorpusException e = assertThrows(CorpusException.class, r::next);
      assertEquals(f + ":3: expected 2 tab-separated columns, found 3", e.getMessage());
    }
  }

  @Test
  void jsonCorpusInTheSourceDocumentLayout() throws IOException {
    write(
        "c.json",
        "{\"version\": 1, \"data\": [\n"
            + "  {\"ko\": \"안녕하세요\", \"en\": \"Hello\", \"id\": 7},\n"
            + "  {\"en\": \"Thanks\", \"meta\": {\"x\": [1,2]}, \"ko\": \"감사합니다\"}\n"
            + "]}");
    List<SentencePair> pairs =
        ParallelCorpus.readAll(
            dir.resolve("c.json").toString(), DataConfig.Format.JSON, "ko", "en");
    assertEquals(
        List.of(new SentencePair("안녕하세요", "Hello", 1), new SentencePair("감사합니다", "Thanks", 2)),
        pairs);
  }

  @Test
  void jsonErrorsNameTheFileLineAndEntry() throws IOException {
    write("m.json", "{\"data\": [\n {\"ko\": \"a\", \"en\": \"b\"},\n {\"ko\": \"c\"}\n]}");
    Path f = dir.resolve("m.json");
    CorpusException e =
        assertThrows(
            CorpusException.class,
            () -> ParallelCorpus.readAll(f.toString(), DataConfig.Format.JSON, "ko", "en"));
    assertEquals(f + ":3: data[1] has no \"en\" field", e.getMessage());

    write("t.json", "{\"data\": [\n {\"ko\": 5, \"en\": \"b\"}]}");
    Path t = dir.resolve("t.json");
    e =
        assertThrows(
            CorpusException.class,
            () -> ParallelCorpus.readAll(t.toString(), DataConfig.Format.JSON, "ko", "en"));
    assertEquals(t + ":2: data[0].ko must be a string", e.getMessage());

    write("b.json", "{\"data\": [\n {\"ko\": \"a\", \"en\": \"b\"\n");
    Path b = dir.resolve("b.json");
    e =
        assertThrows(
            CorpusException.class,
            () -> ParallelCorpus.readAll(b.toString(), DataConfig.Format.JSON, "ko", "en"));
    assertEquals(true, e.getMessage().startsWith(b + ":3: malformed JSON:"), e.getMessage());
  }
}
