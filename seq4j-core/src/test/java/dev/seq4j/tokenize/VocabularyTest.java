package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.config.SpecialTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  private static final Map<String, Long> COUNTS =
      Map.of("the", 5L, "cat", 2L, "dog", 2L, "a", 1L, "<pad>", 9L);

  @Test
  void specialsFirstThenCountDescendingThenCodePointOrder() {
    Vocabulary v = Vocabulary.fromCounts(COUNTS, SpecialTokens.translation(), 1, 100);
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "cat", "dog", "a"), v.tokens());
    assertEquals(0, v.padId());
    assertEquals(1, v.unkId());
    assertEquals(2, v.bosId());
    assertEquals(3, v.eosId());
  }

  @Test
  void minFreqAndMaxSize() {
    Vocabulary v = Vocabulary.fromCounts(COUNTS, SpecialTokens.translation(), 2, 6);
    assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "cat"), v.tokens());
    assertArrayEquals(new int[] {4, 5, 1, 1}, v.encode(List.of("the", "cat", "dog", "zebra")));
    assertEquals(List.of("the", "<unk>"), v.decode(new int[] {2, 4, 1, 3, 0}, true));
  }

  @Test
  void sourceDocumentLayoutPutsSosAtZeroAndEosAtOne() {
    Vocabulary v = Vocabulary.fromCounts(COUNTS, SpecialTokens.seed(), 1, 100);
    assertEquals(0, v.id("<sos>"));
    assertEquals(1, v.id("<eos>"));
    assertEquals(0, v.bosId());
    assertEquals(1, v.eosId());
    assertEquals(2, v.padId());
    assertEquals(3, v.unkId());
  }

  @Test
  void characterModelSpecials() {
    Vocabulary v = Vocabulary.fromCounts(Map.of("k", 3L), SpecialTokens.characters(), 1, 100);
    assertEquals(List.of("<MASK>", "<UNK>", "<BEGIN>", "<END>", "k"), v.tokens());
  }

  @Test
  void saveAndLoadGiveAnEqualVocabulary(@TempDir Path dir) throws IOException {
    for (SpecialTokens s :
        List.of(SpecialTokens.translation(), SpecialTokens.seed(), SpecialTokens.characters())) {
      Vocabulary v = Vocabulary.fromCounts(Map.of("한국", 3L, "x y", 1L, "￭.", 2L), s, 1, 100);
      Path f = dir.resolve("v.txt");
      v.save(f);
      Vocabulary back = Vocabulary.load(f);
      assertEquals(v, back);
      assertEquals(v.bosId(), back.bosId());
    }
  }

  @Test
  void badFilesNameTheFileAndLine(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("bad.vocab");
    Files.writeString(f, "hello\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(
        f + ":1: not a seq4j vocabulary (expected '#seq4j-vocabulary' header)", e.getMessage());
    Files.writeString(
        f, "#seq4j-vocabulary\tpad\tunk\tbos\teos\n<pad>\n<unk>\n<bos>\n<eos>\n\nx\n");
    e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.load(f));
    assertEquals(f + ":6: empty token", e.getMessage());
  }
}
