package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoveragePenaltyTest {
  private static final int BOS = 2;
  private static final int EOS = 3;
  private static final int A = 4;
  private static final int B = 5;

  /**
   * After {@code <bos>}: a 0.6, b 0.4, attention (0.8, 0.2); after a: {@code <eos>} 0.9, attention
   * (0.9, 0.1); after b: {@code <eos>} 0.9, attention (0.2, 0.8). So "a" covers (1.7, 0.3) and "b"
   * covers (1.0, 1.0): cp(a) = β·log 0.3, cp(b) = 0.
   */
  private static ScriptedModel model(NDManager m, boolean attends) {
    float[][] p = new float[6][6];
    p[BOS] = new float[] {0, 0, 0, 0, 0.6f, 0.4f};
    p[A] = new float[] {0, 0, 0, 0.9f, 0.05f, 0.05f};
    p[B] = new float[] {0, 0, 0, 0.9f, 0.05f, 0.05f};
    p[EOS] = new float[] {0, 0, 0, 1, 0, 0};
    float[][] att = new float[6][];
    att[BOS] = new float[] {0.8f, 0.2f};
    att[A] = new float[] {0.9f, 0.1f};
    att[B] = new float[] {0.2f, 0.8f};
    att[EOS] = new float[] {0.5f, 0.5f};
    att[0] = att[1] = att[EOS];
    return new ScriptedModel(m, ScriptedModel.logOf(p), attends ? att : null);
  }

  private static List<Hypothesis> search(NDManager m, double beta, boolean attends) {
    BeamSearch beam =
        new BeamSearch(BOS, EOS, 2, LengthLimit.absolute(5), LengthPenalty.none(), 0)
            .withCoverage(new CoveragePenalty(beta));
    return beam.decode(model(m, attends), m, new long[][] {{7, 8}}, new int[] {2}, 2, false).get(0);
  }

  @Test
  void theFormulaByHand() {
    assertEquals(
        0.5 * Math.log(0.3), new CoveragePenalty(0.5).score(new float[] {1.7f, 0.3f}), 1e-6);
    assertEquals(0, new CoveragePenalty(0.5).score(new float[] {1f, 2f}));
    assertEquals(2 * Math.log(1e-10), new CoveragePenalty(2).score(new float[] {0f}), 1e-9);
  }

  @Test
  void theCoveragePenaltyReordersTwoHypothesesAsComputedByHand() {
    try (NDManager m = Engines.start().newBaseManager()) {
      double a = Math.log(0.6 * 0.9);
      double b = Math.log(0.4 * 0.9);
      // a stays first while a + β·log 0.3 > b, that is β < log(1.5) / -log(0.3) = 0.3368
      List<Hypothesis> low = search(m, 0.3, true);
      assertArrayEquals(new int[] {A}, low.get(0).ids());
      assertEquals(a + 0.3 * Math.log(0.3), low.get(0).score(), 1e-5);
      assertEquals(b, low.get(1).score(), 1e-5);
      List<Hypothesis> high = search(m, 0.4, true);
      assertArrayEquals(new int[] {B}, high.get(0).ids());
      assertEquals(b, high.get(0).score(), 1e-5);
      assertEquals(a + 0.4 * Math.log(0.3), high.get(1).score(), 1e-5);
      assertEquals(a, high.get(1).logProb(), 1e-5); // the log-probability is left as it was
    }
  }

  @Test
  void aModelWithoutAttentionIsRefused() {
    try (NDManager m = Engines.start().newBaseManager()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> search(m, 0.2, false));
      assertEquals(
          "decode.coveragePenalty needs a model with attention; this model has none",
          e.getMessage());
    }
  }
}
