package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Seq2SeqModel;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepetitionControlTest {
  private static final int BOS = 2;
  private static final int EOS = 3;
  private static final int A = 4;
  private static final int B = 5;

  /** Every step: a 2.0, b 1.5, {@code <eos>} 1.0, anything else -5, whatever came before. */
  private static Seq2SeqModel constant(NDManager m) {
    float[] row = {-5, -5, -5, 1.0f, 2.0f, 1.5f};
    float[][] logits = new float[6][];
    Arrays.fill(logits, row);
    return new ScriptedModel(m, logits, null);
  }

  private static int[] greedy(NDManager m, RepetitionControl control) {
    Greedy g = new Greedy(BOS, EOS, LengthLimit.absolute(8)).withRepetition(control);
    return g.decode(constant(m), m, new long[][] {{7}}, new int[] {1})[0];
  }

  @Test
  void blockedTokensCompleteAnNgramTheOutputHolds() {
    assertArrayEquals(new int[] {5}, RepetitionControl.blocked(new int[] {4, 5, 4}, 2));
    assertArrayEquals(new int[] {4, 5, 6}, RepetitionControl.blocked(new int[] {4, 5, 6}, 1));
    assertArrayEquals(new int[] {9}, RepetitionControl.blocked(new int[] {1, 2, 9, 1, 2}, 3));
    assertArrayEquals(new int[0], RepetitionControl.blocked(new int[] {1, 2, 9, 2, 1}, 3));
    assertArrayEquals(new int[0], RepetitionControl.blocked(new int[0], 2));
  }

  @Test
  void ngramBlockingOnAModelThatRepeatsForever() {
    try (NDManager m = Engines.start().newBaseManager()) {
      assertArrayEquals(new int[] {A, A, A, A, A, A, A, A}, greedy(m, RepetitionControl.NONE));
      // n = 1: a, then b (a is used), then <eos> (both are used)
      assertArrayEquals(new int[] {A, B}, greedy(m, new RepetitionControl(1, 1.0)));
      // n = 2: aa, then ab (aa is used), ba, then a·? has aa and ab: <eos>
      assertArrayEquals(new int[] {A, A, B, A}, greedy(m, new RepetitionControl(2, 1.0)));
    }
  }

  @Test
  void thePenaltyChangesTheArgmaxExactlyWhenTheClosedFormSays() {
    try (NDManager m = Engines.start().newBaseManager()) {
      // after a: a's logit 2.0 becomes 2.0/θ, below b's 1.5 exactly when θ > 4/3
      assertEquals(A, greedy(m, new RepetitionControl(0, 1.33))[1]);
      assertEquals(B, greedy(m, new RepetitionControl(0, 1.34))[1]);
    }
    float[] row = {2.0f, -1.0f, 0.5f};
    new RepetitionControl(0, 2.0).adjust(row, new int[] {0, 1, 1});
    assertArrayEquals(new float[] {1.0f, -2.0f, 0.5f}, row); // divided, multiplied, untouched
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RepetitionControl(0, 0));
    assertEquals("repetitionPenalty must be > 0, was 0.0", e.getMessage());
  }

  @Test
  void noRepeatedNgramFromGreedyOrBeamOnRandomModels() {
    long[][] src = {{5, 6, 7, 8, 9, 4, 5, 6}, {4, 4, 4, 0, 0, 0, 0, 0}};
    int[] lengths = {8, 3};
    try (NDManager m = Engines.start().newBaseManager()) {
      for (Seq2SeqModel model : EnsembleTest.models(m)) {
        for (int n = 1; n <= 3; n++) {
          RepetitionControl control = new RepetitionControl(n, 1.0);
          LengthLimit cap = LengthLimit.absolute(30);
          for (int[] ids :
              new Greedy(BOS, EOS, cap).withRepetition(control).decode(model, m, src, lengths)) {
            assertFalse(repeats(ids, n), Arrays.toString(ids) + " n=" + n);
          }
          BeamSearch beam =
              new BeamSearch(BOS, EOS, 3, cap, LengthPenalty.none(), 0).withRepetition(control);
          for (List<Hypothesis> hyps : beam.decode(model, m, src, lengths, 3, false)) {
            for (Hypothesis h : hyps) {
              assertFalse(repeats(h.ids(), n), Arrays.toString(h.ids()) + " n=" + n);
            }
          }
        }
      }
    }
  }

  private static boolean repeats(int[] ids, int n) {
    Set<List<Integer>> seen = new HashSet<>();
    for (int i = 0; i + n <= ids.length; i++) {
      List<Integer> gram = Arrays.stream(ids, i, i + n).boxed().toList();
      if (!seen.add(gram)) {
        return true;
      }
    }
    return false;
  }
}
