package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers computed with ../shared/bench/quality/bleu.py (sacreBLEU's chrF2 algorithm). */
class ChrFTest {
  @Test
  void matchesTheReferenceImplementation() {
    List<String> hyps =
        List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    List<String> refs =
        List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    assertEquals(50.0430636065823, ChrF.corpus(hyps, refs), 1e-9);
  }

  @Test
  void shortAndNonLatinCases() {
    assertEquals(
        27.253315405426306,
        ChrF.corpus(List.of("the cat"), List.of("the cat sat on the mat")),
        1e-9);
    assertEquals(26.000000000000004, ChrF.corpus(List.of("a b c d e"), List.of("a b x d e")), 1e-9);
    assertEquals(51.28858624469215, ChrF.corpus(List.of("안녕하세요, 세계!"), List.of("안녕하세요 세계!")), 1e-9);
    assertEquals(0.0, ChrF.corpus(List.of(""), List.of("something here")), 0);
  }

  @Test
  void identicalTextScores100AndWhitespaceIsIgnored() {
    assertEquals(100.0, ChrF.corpus(List.of("a  b c"), List.of("ab c")), 1e-9);
  }

  @Test
  void countsMustMatch() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChrF.corpus(List.of("a"), List.of()));
    assertEquals("hypotheses and references differ in count: 1 vs 0", e.getMessage());
  }
}
