package dev.seq4j.model.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fifth score ({@link CosineScore} and its constant {@link ToyScores#COSINE}, both in the test
 * sources) runs inside a real {@link RnnSeq2Seq} with no change to main code; and every built-in
 * constant makes its score.
 */
class NewScoreTest {
  private static final long[][] SRC = {{5, 6, 7, 8}, {9, 4, 0, 0}};
  private static final int[] LENGTHS = {4, 2};
  private static final long[][] TRG_IN = {{2, 4, 5}, {2, 7, 8}};

  @Test
  void aToyScoreFromTheTestSourcesDrivesAnRnnModel() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      RnnConfig config =
          RnnConfig.builder()
              .cell(CellType.GRU)
              .embedding(6)
              .hidden(8)
              .bidirectional(true)
              .attention(ToyScores.COSINE)
              .inputFeeding(true)
              .build();
      RnnSeq2Seq model = config.build(m, 12, 10);
      assertEquals(new Shape(8, 16), model.parameters().get("attention.W_q").getShape());
      NDArray whole =
          model.logits(m.create(SRC), LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      assertEquals(new Shape(2, 3, 10), whole.getShape());
      DecoderState state = model.encode(m.create(SRC), LENGTHS);
      for (int t = 0; t < TRG_IN[0].length; t++) {
        Seq2SeqModel.Step step = model.step(m.create(TRG_IN).get(new NDIndex(":, {}", t)), state);
        state = step.state();
        assertEquals(new Shape(2, 10), step.logits().getShape());
        assertArrayEquals(
            whole.get(new NDIndex(":, {}", t)).toFloatArray(),
            step.logits().toFloatArray(),
            1e-5f,
            "t=" + t);
        float[] w = step.attention().toFloatArray(); // (2, 4)
        assertEquals(1f, w[0] + w[1] + w[2] + w[3], 1e-5f);
        assertEquals(1f, w[4] + w[5], 1e-5f);
        assertEquals(0f, w[6], 0f); // padded source positions of row 2 get exactly 0
        assertEquals(0f, w[7], 0f);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(AttentionKind.class)
  void everyBuiltInConstantMakesItsScore(AttentionKind kind) {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters params = new Parameters(m);
      AttentionScore score = kind.create(params, "attention", 4, 4);
      if (kind == AttentionKind.NONE) {
        assertNull(score);
        return;
      }
      assertNotNull(score);
      NDArray q = m.randomUniform(-1, 1, new Shape(2, 3, 4));
      NDArray k = m.randomUniform(-1, 1, new Shape(2, 5, 4));
      assertEquals(new Shape(2, 3, 5), score.score(q, k).getShape());
    }
  }
}
