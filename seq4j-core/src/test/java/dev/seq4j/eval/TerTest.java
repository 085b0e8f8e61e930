package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers: every case of sacreBLEU's test/test_ter.py (same tolerance, 1e-3 on the
 * percentage), then multi-reference cases computed by hand.
 */
class TerTest {
  private static double ter(String hyp, String ref) {
    return Ter.corpus(List.of(hyp), List.of(ref)).score();
  }

  @Test
  void perfectMatchNoOverlapAndEmptyCornerCases() {
    assertEquals(0, ter("aaaa bbbb cccc dddd", "aaaa bbbb cccc dddd"), 1e-3);
    assertEquals(100, ter("dddd eeee ffff", "aaaa bbbb cccc"), 1e-3);
    assertEquals(100, ter("", "a"), 1e-3);
    assertEquals(100, ter("a", ""), 1e-3);
    assertEquals(0, ter("", ""), 1e-3);
  }

  @Test
  void aSingleShiftFixesTheHypothesis() {
    Ter.Score s = Ter.corpus(List.of("d e f g h a b c"), List.of("a b c d e f g h"));
    assertEquals(100.0 / 8, s.score(), 1e-3);
    assertEquals(1, s.edits());
    assertEquals(8.0, s.refLength());
  }

  @Test
  void realisticExampleFromWmtDevData() {
    List<String> hyps =
        List.of(
            "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen"
                + " oder zu entfernen , damit das Bild ungefähr dieselbe Größe aufweist wie die"
                + " andere Größe .",
            "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im"
                + " Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
            "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \""
                + " Benutzerdefiniert \" und geben Sie Werte für \" Fehlerkorrektur-Level \" und \""
                + " Y / X-Verhältnis \" ein .",
            "Sie können beispielsweise ein Dokument erstellen , das ein Auto über die Bühne"
                + " enthält .",
            "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf"
                + " \" Neu . \"");
    List<String> refs =
        List.of(
            "wählen Sie \" Bild neu berechnen , \" um beim Ändern der Bildgröße Pixel hinzuzufügen"
                + " oder zu entfernen , damit die Darstellung des Bildes in einer anderen Größe"
                + " beibehalten wird .",
            "wenn Sie alle Aufgaben im aktuellen Dokument aktualisieren möchten , wählen Sie im"
                + " Menü des Aufgabenbedienfelds die Option \" Alle Aufgaben aktualisieren . \"",
            "klicken Sie auf der Registerkarte \" Optionen \" auf die Schaltfläche \""
                + " Benutzerdefiniert \" und geben Sie für \" Fehlerkorrektur-Level \" und \" Y /"
                + " X-Verhältnis \" niedrigere Werte ein .",
            "Sie können beispielsweise ein Dokument erstellen , das ein Auto enthalt , das sich"
                + " über die Bühne bewegt .",
            "wählen Sie im Dialogfeld \" Neu aus Vorlage \" eine Vorlage aus und klicken Sie auf"
                + " \" Neu . \"");
    assertEquals(13.6, Ter.corpus(hyps, refs).score(), 1e-3);
  }

  @Test
  void caseIsIgnoredAndPunctuationIsAWord() {
    assertEquals(0, ter("The Cat sat .", "the cat SAT ."), 0);
    assertEquals(50, ter("the cat sat.", "the cat sat ."), 1e-12);
  }

  @Test
  void severalReferencesTakeTheFewestEditsAndTheAverageLength() {
    // against "a b x d": 1 substitution; against "a b c d e f": 2 insertions; lengths 4 and 6
    Ter.Stats s = Ter.sentenceStats("a b c d", List.of("a b x d", "a b c d e f"));
    assertEquals(new Ter.Stats(1, 5.0), s);
    // against the first: 1 shift; against "x y": 2 substitutions and 6 deletions; lengths 8 and 2
    Ter.Stats t = Ter.sentenceStats("d e f g h a b c", List.of("a b c d e f g h", "x y"));
    assertEquals(new Ter.Stats(1, 5.0), t);
    Ter.Score corpus =
        Ter.corpusMulti(
            List.of("a b c d", "d e f g h a b c"),
            List.of(List.of("a b x d", "a b c d e f g h"), List.of("a b c d e f", "x y")));
    assertEquals(100.0 * 2 / 10, corpus.score(), 1e-12);
  }

  @Test
  void aReferenceThatMatchesGivesZeroEdits() {
    assertEquals(
        0,
        Ter.corpusMulti(
                List.of("the cat sat"), List.of(List.of("a dog ran"), List.of("The cat sat")))
            .score(),
        0);
  }

  @Test
  void statisticsOfPartsAddUpToTheCorpus() {
    Ter.Stats a = Ter.sentenceStats("a b c d", List.of("a b x d"));
    Ter.Stats b = Ter.sentenceStats("d e f g h a b c", List.of("a b c d e f g h"));
    assertEquals(
        Ter.corpus(List.of("a b c d", "d e f g h a b c"), List.of("a b x d", "a b c d e f g h")),
        Ter.score(a.plus(b)));
  }

  @Test
  void shiftsMoveABlockBeforeTheTargetWord() {
    String[] w = {"a", "b", "c", "d", "e"};
    assertArrayEquals(new String[] {"d", "e", "a", "b", "c"}, ShiftSearch.shift(w, 3, 2, 0));
    assertArrayEquals(new String[] {"c", "a", "b", "d", "e"}, ShiftSearch.shift(w, 0, 2, 3));
    assertArrayEquals(new String[] {"b", "c", "d", "a", "e"}, ShiftSearch.shift(w, 0, 1, 4));
    // a target inside the block counts words after it
    assertArrayEquals(new String[] {"c", "a", "b", "d", "e"}, ShiftSearch.shift(w, 0, 2, 1));
    assertArrayEquals(new String[] {"a", "b", "e", "c", "d"}, ShiftSearch.shift(w, 2, 2, 4));
  }

  @Test
  void wordsAreLowercasedAndSplitAtAnyWhitespace() {
    assertArrayEquals(new String[] {"ab", "c", "d"}, Ter.words("  AB\tc\u00a0d \n"));
    assertArrayEquals(new String[0], Ter.words(" \t "));
  }

  @Test
  void signatureNamesSacrebleuDefaults() {
    assertEquals(
        "nrefs:2|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:seq4j-1.0",
        Ter.signature(2, "seq4j-1.0"));
  }

  @Test
  void countsMustMatch() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Ter.corpus(List.of("a"), List.of()));
    assertEquals("hypotheses and references differ in count: 1 vs 0", e.getMessage());
  }
}
