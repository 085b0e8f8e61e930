package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordTokenizerTest {
  private final WordTokenizer tok = new WordTokenizer(false);

  @Test
  void splitsPunctuationAndMarksAttachedTokens() {
    assertEquals(
        List.of("Don", "￭'", "￭t", "stop", "￭,", "3", "￭.", "￭5", "￭%", "￭!"),
        tok.tokenize("Don't stop, 3.5%!"));
    assertEquals(List.of("(", "￭hello", "￭)"), tok.tokenize("(hello)"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A man in a blue shirt is standing on a ladder.",
        "\"Quoted,\" she said -- and left; (really?) yes!",
        "Pi is 3.14, and 1,000 is a thousand.",
        "See https://example.org/a?b=c&d=e#f now.",
        "Emoji 👍🏽 and flags 🇰🇷 stay intact.",
        "안녕하세요, 세계! 오늘은 2024년 5월 3일입니다.",
        "Ein Mädchen in einem rosa Kleid klettert.",
        "￭ a lone marker ￭￭ and x￭y"
      })
  void roundTripsSingleSpacedText(String text) {
    assertEquals(text, tok.detokenize(tok.tokenize(text)));
  }

  @Test
  void nfcAndNfdGiveIdenticalTokens() {
    assertEquals(tok.tokenize("Caf\u00e9 na\u00efve"), tok.tokenize("Cafe\u0301 nai\u0308ve"));
  }

  @Test
  void lowercasesWhenAsked() {
    assertEquals(List.of("hello", "world", "￭!"), new WordTokenizer(true).tokenize("Hello WORLD!"));
  }

  @Test
  void longTokenWithoutSpacesIsLinear() {
    String huge = "x".repeat(100_000) + "!".repeat(400);
    List<String> t = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> tok.tokenize(huge));
    assertEquals(401, t.size());
    assertEquals(huge, tok.detokenize(t));
  }

  @Test
  void whitespaceRunsCollapse() {
    assertEquals("a b", tok.detokenize(tok.tokenize("  a \t  b  ")));
  }
}
