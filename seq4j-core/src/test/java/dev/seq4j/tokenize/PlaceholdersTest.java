package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "%s",
        "%d",
        "%%",
        "%1$s",
        "%2$d",
        "%-10s",
        "%.2f",
        "%5.1f",
        "%lu",
        "%zu",
        "%lld",
        "%'d",
        "%*d",
        "%.*s",
        "%#x",
        "%(name)s",
        "%(count)d",
        "%<PRIu64>",
        "{}",
        "{0}",
        "{name}",
        "{0:d}",
        "{file.name}"
      })
  void wholePlaceholders(String p) {
    assertEquals(p.length(), Placeholders.end(p, 0), p);
    assertEquals(List.of(p), new WordTokenizer(false).tokenize(p));
  }

  @ParameterizedTest
  @ValueSource(strings = {"% d", "%", "%y", "%()s", "{", "{a b}", "{{0}}", "%<abc>", "{x"})
  void notPlaceholders(String s) {
    assertEquals(-1, Placeholders.end(s, 0), s);
  }

  @Test
  void findsThemLeftToRight() {
    assertEquals(
        List.of("%1$s", "{0}", "%%", "%(n)d"),
        Placeholders.find("Copy %1$s to {0}: 100%% done, %(n)d left; 50% off"));
  }

  @Test
  void wordTokenizerKeepsPlaceholdersAndRoundTrips() {
    WordTokenizer tok = new WordTokenizer(false);
    String s = "Could not open “%s”: %d files (%.1f%%) in {0}.";
    assertEquals(
        List.of(
            "Could", "not", "open", "“", "￭%s", "￭”", "￭:", "%d", "files", "(", "￭%.1f", "￭%%",
            "￭)", "in", "{0}", "￭."),
        tok.tokenize(s));
    assertEquals(s, tok.detokenize(tok.tokenize(s)));
    assertEquals(List.of("50", "￭%", "discount"), tok.tokenize("50% discount"));
  }

  @Test
  void koreanTokenizerKeepsPlaceholdersAndRoundTrips() {
    KoreanTokenizer tok = new KoreanTokenizer(false);
    String s = "파일 %s을(를) 열 수 없습니다: {0}개, %1$d%%";
    List<String> t = tok.tokenize(s);
    assertEquals("파일", t.get(0));
    assertEquals("%s", t.get(1));
    assertEquals("￭을", t.get(2));
    assertEquals(List.of("{0}", "￭개", "￭,", "%1$d", "￭%%"), t.subList(t.size() - 5, t.size()));
    assertEquals(s, tok.detokenize(t));
  }

  @Test
  void bpeKeepsAPlaceholderWhole() {
    Bpe bpe = Bpe.learn(java.util.Map.of("ab", 10L, "%s", 1L), 5);
    assertEquals(List.of("%s", "ab", "￭%d"), BpeTokenizer.segment(List.of("%s", "ab", "￭%d"), bpe));
  }
}
