package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed with ../shared/bench/quality/bleu.py (sacreBLEU's chrF2 algorithm); the
 * short-reference and multi-reference figures with sacreBLEU 2.x's {@code CHRF().corpus_score}.
 */
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
  void anOrderTheReferenceIsTooShortForCountsNoHypothesisNgrams() {
    // "Yes" has no 4-, 5- or 6-grams: the hypothesis' n-grams of those orders do not count
    assertEquals(
        71.70804248622831,
        ChrF.corpus(
            List.of("Yes.", "The cat sat on the mat."), List.of("Yes", "The cat sat on a mat.")),
        1e-9);
    assertEquals(0, ChrF.stats("Yes.", "Yes")[3][0]);
  }

  @Test
  void severalReferencesTakeTheBestPerSentence() {
    List<String> hyps =
        List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    List<String> refs1 =
        List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
    List<String> refs2 =
        List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");
    assertEquals(59.72751782684763, ChrF.corpusMulti(hyps, List.of(refs1, refs2)), 1e-9);
    assertEquals(59.72751782684763, ChrF.corpusMulti(hyps, List.of(refs2, refs1)), 1e-9);
    assertEquals(
        100.0, ChrF.corpusMulti(List.of("the cat"), List.of(List.of("a dog"), List.of("the cat"))));
  }

  @Test
  void signatureNamesSacrebleuDefaults() {
    assertEquals(
        "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:seq4j-1.0",
        ChrF.signature(1, "seq4j-1.0"));
  }

  @Test
  void countsMustMatch() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChrF.corpus(List.of("a"), List.of()));
    assertEquals("hypotheses and references differ in count: 1 vs 0", e.getMessage());
  }
}
