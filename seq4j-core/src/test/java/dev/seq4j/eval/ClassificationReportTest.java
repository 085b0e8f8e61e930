package dev.seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
  private static final List<String> LABELS = List.of("A", "B", "C", "D");

  @Test
  void figuresMatchAHandComputation() {
    // gold:      A A A B B C C C C
    // predicted: A A B B C C C A C      (D never occurs, never predicted)
    int[] gold = {0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[] predicted = {0, 0, 1, 1, 2, 2, 2, 0, 2};
    ClassificationReport r = ClassificationReport.of(LABELS, gold, predicted);
    assertArrayEquals(new int[] {2, 1, 0, 0}, r.confusion()[0]);
    assertArrayEquals(new int[] {0, 1, 1, 0}, r.confusion()[1]);
    assertArrayEquals(new int[] {1, 0, 3, 0}, r.confusion()[2]);
    assertEquals(6 / 9.0, r.accuracy(), 1e-12);
    // A: P 2/3, R 2/3; B: P 1/2, R 1/2; C: P 3/4, R 3/4
    assertEquals(2 / 3.0, r.precision(0), 1e-12);
    assertEquals(2 / 3.0, r.recall(0), 1e-12);
    assertEquals(0.5, r.f1(1), 1e-12);
    assertEquals(0.75, r.f1(2), 1e-12);
    assertEquals(0, r.f1(3));
    assertEquals((2 / 3.0 + 0.5 + 0.75) / 3, r.macroF1(), 1e-12); // D is left out
    assertEquals(4, r.support(2));
    float[][] n = r.rowNormalised();
    assertEquals(0.25f, n[2][0]);
    assertEquals(0f, n[3][3]);
    assertEquals(
        "true\\predicted,A,B,C,D\nA,2,1,0,0\nB,0,1,1,0\nC,1,0,3,0\nD,0,0,0,0\n", r.confusionCsv());
  }

  @Test
  void aClassPredictedButAbsentCountsInMacroF1WithZero() {
    ClassificationReport r =
        ClassificationReport.of(List.of("A", "B"), new int[] {0, 0}, new int[] {0, 1});
    assertEquals(0.5, r.accuracy());
    assertEquals((2 / 3.0 + 0) / 2, r.macroF1(), 1e-12); // A: P 1, R 1/2 → F1 2/3; B: 0
  }
}
