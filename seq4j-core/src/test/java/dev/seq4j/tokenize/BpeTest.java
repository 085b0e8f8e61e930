package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTest {
  /** The example of Sennrich et al. (2016), section 3.2. */
  private static final Map<String, Long> WORDS =
      Map.of("low", 5L, "lower", 2L, "newest", 6L, "widest", 3L);

  @Test
  void learnedMergesEqualTheHandComputation() {
    // counts: e s 9, s t</w> 9 (tie: the smaller pair first), then es t</w> 9, l o 7,
    // then e w, n e and w est</w> 6 each: e w first, then ew est</w> 6, n ewest</w> 6, lo w</w> 5
    List<String> expected =
        List.of("e s", "es t</w>", "l o", "e w", "ew est</w>", "n ewest</w>", "lo w</w>");
    Bpe bpe = Bpe.learn(WORDS, 7);
    assertEquals(expected, bpe.merges().stream().map(m -> m[0] + " " + m[1]).toList());
    assertEquals(List.of("lo", "w", "est"), bpe.segment("lowest"));
    assertEquals(List.of("newest"), bpe.segment("newest"));
    assertEquals(List.of("w", "i", "d", "est"), bpe.segment("widest"));
  }

  @Test
  void aVocabularySizeStopsLearningOnceTheTextHasThatManyPieces() {
    // pieces x, a</w>, b</w>: 3. Merging x a</w> (2, before x b</w> on the tie) adds xa</w> and
    // keeps x and a</w> (in "xb" and "a"): 4. Merging x b</w> adds xb</w> and removes x: 4.
    Map<String, Long> words = Map.of("xa", 2L, "a", 1L, "xb", 2L, "b", 1L);
    assertEquals(0, Bpe.learnVocabulary(words, 3).merges().size());
    Bpe four = Bpe.learnVocabulary(words, 4);
    assertEquals(1, four.merges().size());
    assertEquals("x a</w>", four.merges().get(0)[0] + " " + four.merges().get(0)[1]);
    assertEquals(2, Bpe.learnVocabulary(words, 100).merges().size(), "no pair occurs twice then");
    // the Sennrich example starts with 11 pieces: asking for 11 learns nothing
    assertEquals(0, Bpe.learnVocabulary(WORDS, 11).merges().size());
    assertEquals(
        "vocabulary size must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> Bpe.learnVocabulary(words, 0))
            .getMessage());
  }

  @Test
  void learningStopsWhenNoPairOccursTwice() {
    assertEquals(1, Bpe.learn(Map.of("ab", 2L, "cd", 1L), 50).merges().size());
  }

  @Test
  void piecesAlwaysConcatenateBackToTheWord() {
    Bpe bpe = Bpe.learn(WORDS, 20);
    for (String w : List.of("lowest", "Zürich", "한국어", "👍🏽ok", "x", "newestnewest")) {
      assertEquals(w, String.join("", bpe.segment(w)), w);
    }
    assertEquals(List.of(), bpe.segment(""));
  }

  @Test
  void tokenizerRoundTripsAnyTextIncludingUnseenCharactersAndKorean() {
    Bpe bpe = Bpe.learn(Map.of("Hunde", 4L, "bellen", 3L, "laut", 2L, "한국어", 3L), 30);
    BpeTokenizer t = new BpeTokenizer(new WordTokenizer(false), bpe);
    for (String s :
        List.of(
            "Die Hunde bellen laut.",
            "Hundehütte: „ÄÖÜ“ 3.5% — ok?!",
            "한국어를 공부합니다 😀",
            "",
            "a@@b c@@")) {
      assertEquals(s, t.detokenize(t.tokenize(s)), s);
    }
    List<String> pieces = t.tokenize("Hunde bellten.");
    assertEquals("Hunde", pieces.get(0));
    assertEquals("bell@@", pieces.get(1)); // "bell" is a unit learned from "bellen"
    assertEquals("\uFFED.", pieces.get(pieces.size() - 1));
  }

  @Test
  void codesSaveAndLoadIdentically(@TempDir Path dir) throws IOException {
    Bpe bpe = Bpe.learn(WORDS, 7);
    Path file = dir.resolve("codes.bpe");
    bpe.save(file);
    assertEquals(bpe.merges().size(), Bpe.load(file).merges().size());
    assertEquals(bpe.segment("lowest"), Bpe.load(file).segment("lowest"));
    Files.writeString(file, "#seq4j-bpe v1\ne s\nbroken\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bpe.load(file));
    assertEquals(
        file + ":3: expected two symbols separated by one space, was 'broken'", e.getMessage());
  }
}
