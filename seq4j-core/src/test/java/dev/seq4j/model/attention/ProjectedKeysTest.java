package dev.seq4j.model.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import org.junit.jupiter.api.Test;

/**
 * The additive score's {@code W_h h} is projected once per sentence ({@link Attention#keys}), and
 * decoding with it gives the numbers of projecting it again at every step, as before the cache.
 */
class ProjectedKeysTest {
  private static final long[][] SRC = {{5, 6, 7, 8}, {9, 4, 0, 0}};
  private static final int[] LENGTHS = {4, 2};
  private static final long[][] TRG_IN = {{2, 4, 5, 6, 7}, {2, 7, 8, 9, 10}};

  /**
   * The additive score behind a counter of its key projections. With {@code perStep} it offers no
   * projection to keep, so each step's {@code score(q, h)} projects the keys again.
   */
  private static final class Counting implements ScoreKind {
    private final boolean perStep;
    private int projections;

    Counting(boolean perStep) {
      this.perStep = perStep;
    }

    @Override
    public AttentionScore create(Parameters params, String name, int queryDim, int keyDim) {
      AdditiveScore additive = new AdditiveScore(params, name, queryDim, keyDim, queryDim);
      if (perStep) {
        return (queries, keys) -> {
          projections++; // AdditiveScore.score(q, h) projects h
          return additive.score(queries, keys);
        };
      }
      return new AttentionScore() {
        @Override
        public NDArray score(NDArray queries, NDArray keys) {
          throw new AssertionError("decoding should read the projected keys");
        }

        @Override
        public NDArray projectKeys(NDArray keys) {
          projections++;
          return additive.projectKeys(keys);
        }

        @Override
        public NDArray score(NDArray queries, NDArray keys, NDArray projected) {
          return additive.score(queries, keys, projected);
        }
      };
    }
  }

  /** A Bahdanau GRU decoder (attention before every step) over a bidirectional encoder. */
  private static RnnSeq2Seq model(NDManager m, ScoreKind score) {
    Engine.getInstance().setRandomSeed(7);
    RnnConfig config =
        RnnConfig.builder()
            .cell(CellType.GRU)
            .embedding(6)
            .hidden(8)
            .bidirectional(true)
            .attention(score)
            .decoder(RnnConfig.Decoder.BAHDANAU)
            .build();
    return config.build(m, 12, 12);
  }

  /** The two models with the same weights: the second takes the first's. */
  private static RnnSeq2Seq[] pair(NDManager m, Counting once, Counting perStep) {
    RnnSeq2Seq a = model(m, once);
    RnnSeq2Seq b = model(m, perStep);
    b.parameters().assign(a.parameters().asMap(), "the first model");
    return new RnnSeq2Seq[] {a, b};
  }

  @Test
  void keysAreProjectedOncePerSentenceAndStepsEqualProjectingEveryStep() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Counting once = new Counting(false);
      Counting perStep = new Counting(true);
      RnnSeq2Seq[] models = pair(m, once, perStep);
      DecoderState a = models[0].encode(m.create(SRC), LENGTHS);
      DecoderState b = models[1].encode(m.create(SRC), LENGTHS);
      assertEquals(1, once.projections);
      for (int t = 0; t < TRG_IN[0].length; t++) {
        NDArray previous = m.create(TRG_IN).get(new NDIndex(":, {}", t));
        Seq2SeqModel.Step sa = models[0].step(previous, a);
        Seq2SeqModel.Step sb = models[1].step(previous, b);
        a = sa.state();
        b = sb.state();
        assertArrayEquals(sb.logits().toFloatArray(), sa.logits().toFloatArray(), 0f, "t=" + t);
        assertArrayEquals(sb.attention().toFloatArray(), sa.attention().toFloatArray(), 0f);
      }
      assertEquals(1, once.projections, "one projection for the whole decode");
      assertEquals(TRG_IN[0].length, perStep.projections, "before the cache: one per step");
    }
  }

  @Test
  void selectedRowsKeepTheirProjectionAndStepsStillEqual() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Counting once = new Counting(false);
      RnnSeq2Seq[] models = pair(m, once, new Counting(true));
      NDArray rows = m.create(new long[] {1, 0, 1}); // beam search expanding and reordering
      DecoderState a = models[0].encode(m.create(SRC), LENGTHS).select(rows);
      DecoderState b = models[1].encode(m.create(SRC), LENGTHS).select(rows);
      NDArray previous = m.create(new long[] {2, 2, 2});
      for (int t = 0; t < 4; t++) {
        Seq2SeqModel.Step sa = models[0].step(previous, a);
        Seq2SeqModel.Step sb = models[1].step(previous, b);
        assertArrayEquals(sb.logits().toFloatArray(), sa.logits().toFloatArray(), 1e-6f);
        float[] w = sa.attention().toFloatArray(); // (3, 4); row 0 and 2 are sentence 2
        assertEquals(0f, w[2] + w[3] + w[10] + w[11], 0f);
        assertEquals(1f, w[4] + w[5] + w[6] + w[7], 1e-6f);
        previous = sa.logits().argMax(1);
        a = sa.state();
        b = sb.state();
      }
      assertEquals(1, once.projections);
    }
  }

  @Test
  void trainingGradientsEqualProjectingEveryStep() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Counting once = new Counting(false);
      Counting perStep = new Counting(true);
      RnnSeq2Seq[] models = pair(m, once, perStep);
      float[][] grads = new float[2][];
      for (int i = 0; i < 2; i++) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray logits =
              models[i].logits(
                  m.create(SRC), LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
          gc.backward(logits.logSoftmax(2).get(new NDIndex(":, :, 3")).sum().neg());
        }
        grads[i] = models[i].parameters().get("attention.W_h").getGradient().toFloatArray();
      }
      assertEquals(1, once.projections, "one projection for the whole batch");
      assertEquals(TRG_IN[0].length, perStep.projections);
      float max = 0;
      for (float g : grads[1]) {
        max = Math.max(max, Math.abs(g));
      }
      assertEquals(true, max > 1e-3f, "W_h gets a gradient, largest " + max);
      assertArrayEquals(grads[1], grads[0], 1e-6f * Math.max(1f, max));
    }
  }
}
