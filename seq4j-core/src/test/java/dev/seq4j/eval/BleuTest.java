package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers. The two-reference figure is sacreBLEU's README example; the others were computed
 * with ../shared/bench/quality/bleu.py (sacreBLEU's algorithm): {@code python3 -c 'from bleu import
 * corpus_bleu; print(corpus_bleu(hyps, refs))'}.
 */
class BleuTest {
  private static final List<String> HYPS =
      List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
  private static final List<String> REFS1 =
      List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first.");
  private static final List<String> REFS2 =
      List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.");

  @Test
  void sacrebleuReadmeExampleWithTwoReferences() {
    assertEquals(48.53, Bleu.corpusMulti(HYPS, List.of(REFS1, REFS2)).score(), 0.01);
  }

  @Test
  void oneReferenceMatchesTheReferenceImplementation() {
    Bleu.Score s = Bleu.corpus(HYPS, REFS1);
    assertEquals(45.06750632106114, s.score(), 1e-9);
    assertArrayEquals(new double[] {70.588235, 42.857143, 36.363636, 37.5}, s.precisions(), 1e-6);
    assertEquals(17, s.sysLength());
    assertEquals(17, s.refLength());
  }

  @Test
  void shortHypothesisGetsBrevityPenaltyAndZeroWithoutTrigrams() {
    Bleu.Score s = Bleu.corpus(List.of("the cat"), List.of("the cat sat on the mat"));
    assertEquals(0.0, s.score(), 1e-12);
    assertEquals(0.1353352832366127, s.brevityPenalty(), 1e-12);
  }

  @Test
  void expSmoothingWhenNoFourGramMatches() {
    assertEquals(
        30.213753973567677, Bleu.corpus(List.of("a b c d e"), List.of("a b x d e")).score(), 1e-9);
  }

  @Test
  void tokenization13aSplitsPunctuationButKeepsDecimals() {
    String hyp = "Hello, world! It costs $3.50 (approx.)";
    String ref = "Hello , world ! It costs $ 3.50 ( approx . )";
    assertEquals(100.0, Bleu.corpus(List.of(hyp), List.of(ref)).score(), 1e-9);
    assertArrayEquals(
        new String[] {
          "Hello", ",", "world", "!", "It", "costs", "$", "3.50", "(", "approx", ".", ")"
        },
        Tokenizer13a.tokenize(hyp));
  }

  @Test
  void emptyHypothesisScoresZero() {
    assertEquals(0.0, Bleu.corpus(List.of(""), List.of("something here")).score(), 0);
  }

  @Test
  void koreanText() {
    assertEquals(
        35.35533905932737, Bleu.corpus(List.of("안녕하세요, 세계!"), List.of("안녕하세요 세계!")).score(), 1e-9);
  }

  @Test
  void aSecondReferenceThatMatchesGivesOneHundred() {
    assertEquals(100.0, Bleu.corpusMulti(HYPS, List.of(REFS1, HYPS)).score(), 1e-9);
  }

  @Test
  void signatureNamesSacrebleuDefaults() {
    assertEquals(
        "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:seq4j-1.0",
        Bleu.signature(2, "seq4j-1.0"));
  }

  @Test
  void statisticsOfPartsAddUpToTheCorpus() {
    BleuStats a = Bleu.sentenceStats(HYPS.get(0), List.of(REFS1.get(0)));
    BleuStats b = Bleu.sentenceStats(HYPS.get(1), List.of(REFS1.get(1)));
    BleuStats c = Bleu.sentenceStats(HYPS.get(2), List.of(REFS1.get(2)));
    assertEquals(Bleu.corpus(HYPS, REFS1).score(), Bleu.score(a.plus(b).plus(c)).score(), 1e-12);
  }
}
