package dev.seq4j.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.Greedy;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformerSeq2SeqTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {9, 4, 10, 0, 0}};
  private static final int[] SRC_LENGTHS = {5, 3};
  private static final long[][] TRG_IN = {{2, 4, 5, 6, 7}, {2, 7, 8, 0, 0}};

  private static TransformerSeq2Seq model(NDManager m, boolean preNorm, TransformerConfig.Tie tie) {
    Engine.getInstance().setRandomSeed(11);
    return new TransformerSeq2Seq(
        m,
        TransformerConfig.builder()
            .dModel(16)
            .heads(4)
            .ffn(32)
            .encoderLayers(2)
            .decoderLayers(2)
            .dropout(0.1)
            .norm(preNorm ? TransformerConfig.Norm.PRE : TransformerConfig.Norm.POST)
            .tie(tie)
            .maxPositions(64)
            .build(),
        20,
        20);
  }

  private static float[] row(NDArray logits, int t) {
    return logits.get(new NDIndex(":, {}", t)).toFloatArray();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void teacherForcedLogitsEqualCachedAndUncachedStepByStepDecoding(boolean preNorm) {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, preNorm, TransformerConfig.Tie.OUTPUT);
      NDArray whole =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      assertEquals(new Shape(2, 5, 20), whole.getShape());
      for (boolean caching : new boolean[] {true, false}) {
        DecoderState state = model.encode(m.create(SRC), SRC_LENGTHS, StepOptions.cached(caching));
        for (int t = 0; t < TRG_IN[0].length; t++) {
          Seq2SeqModel.Step step = model.step(m.create(TRG_IN).get(new NDIndex(":, {}", t)), state);
          state = step.state();
          assertEquals(new Shape(2, 20), step.logits().getShape());
          assertArrayEquals(row(whole, t), step.logits().toFloatArray(), 1e-5f, "t=" + t);
          float[] w = step.attention().toFloatArray(); // (2, 5)
          assertEquals(1f, w[0] + w[1] + w[2] + w[3] + w[4], 1e-5f);
          assertEquals(1f, w[5] + w[6] + w[7], 1e-5f);
          assertEquals(0f, w[8], 0f); // padded source positions of sentence 2
          assertEquals(0f, w[9], 0f);
        }
      }
    }
  }

  @Test
  void cachedAndUncachedGreedyDecodingGiveTheSameOutput() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.NONE);
      Greedy greedy = new Greedy(2, 3, LengthLimit.absolute(12));
      int[][] cached = greedy.decode(model, m, SRC, SRC_LENGTHS);
      int[][] uncached =
          greedy.withOptions(StepOptions.cached(false)).decode(model, m, SRC, SRC_LENGTHS);
      assertEquals(12, cached[0].length + (cached[0].length < 12 ? 12 - cached[0].length : 0));
      assertArrayEquals(cached, uncached);
    }
  }

  @Test
  void cachedAndUncachedBeamSearchGiveTheSameHypotheses() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, true, TransformerConfig.Tie.OUTPUT);
      BeamSearch beam = new BeamSearch(2, 3, 3, LengthLimit.absolute(9), LengthPenalty.none(), 0);
      List<List<Hypothesis>> cached = beam.decode(model, m, SRC, SRC_LENGTHS, 3, false);
      List<List<Hypothesis>> exact =
          beam.withOptions(StepOptions.cached(false)).decode(model, m, SRC, SRC_LENGTHS, 3, false);
      for (int b = 0; b < 2; b++) {
        for (int k = 0; k < 3; k++) {
          Hypothesis c = cached.get(b).get(k);
          Hypothesis e = exact.get(b).get(k);
          assertArrayEquals(e.ids(), c.ids(), "sentence " + b + " hypothesis " + k);
          assertEquals(e.score(), c.score(), 1e-4, "sentence " + b + " hypothesis " + k);
        }
      }
    }
  }

  /** The cache is written in place, yet a state stepped twice leaves both successors exact. */
  @Test
  void aStateSteppedTwiceGivesTwoIndependentSuccessors() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.OUTPUT);
      for (boolean caching : new boolean[] {true, false}) {
        StepOptions o = StepOptions.cached(caching);
        DecoderState s1 =
            model
                .step(m.create(new long[] {2, 2}), model.encode(m.create(SRC), SRC_LENGTHS, o))
                .state();
        DecoderState a = model.step(m.create(new long[] {4, 7}), s1).state();
        DecoderState b = model.step(m.create(new long[] {9, 9}), s1).state(); // s1 again
        NDArray next = m.create(new long[] {5, 8});
        float[] afterA = model.step(next, a).logits().toFloatArray();
        float[] afterB = model.step(next, b).logits().toFloatArray();
        long[][] prefixA = {{2, 4, 5}, {2, 7, 8}};
        long[][] prefixB = {{2, 9, 5}, {2, 9, 8}};
        assertArrayEquals(last(model, m, prefixA), afterA, 1e-5f, "cache " + caching);
        assertArrayEquals(last(model, m, prefixB), afterB, 1e-5f, "cache " + caching);
      }
    }
  }

  /** Teacher-forced logits of the last position of {@code prefix} (2, 3), flattened. */
  private static float[] last(TransformerSeq2Seq model, NDManager m, long[][] prefix) {
    NDArray whole =
        model.logits(m.create(SRC), SRC_LENGTHS, m.create(prefix), TeacherForcing.ALWAYS, false);
    return row(whole, 2);
  }

  /** The fused projection is made per decoding call: it follows weights changed in between. */
  @Test
  void cachedDecodingReadsTheWeightsOfItsOwnCall() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.OUTPUT);
      NDArray bos = m.create(new long[] {2, 2});
      float[] before =
          model.step(bos, model.encode(m.create(SRC), SRC_LENGTHS)).logits().toFloatArray();
      Engine.getInstance().setRandomSeed(12);
      model.parameters().reinitializeUniform(0.3); // as a training step or a load would change them
      float[] cached =
          model.step(bos, model.encode(m.create(SRC), SRC_LENGTHS)).logits().toFloatArray();
      float[] exact =
          model
              .step(bos, model.encode(m.create(SRC), SRC_LENGTHS, StepOptions.cached(false)))
              .logits()
              .toFloatArray();
      assertArrayEquals(exact, cached, 1e-5f);
      assertNotEquals(before[0], cached[0]);
    }
  }

  @Test
  void changingALaterTargetTokenLeavesEarlierOutputsUnchanged() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.OUTPUT);
      long[][] changed = {TRG_IN[0].clone(), TRG_IN[1].clone()};
      changed[0][3] = 15;
      NDArray a =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      NDArray b =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(changed), TeacherForcing.ALWAYS, false);
      for (int t = 0; t < 3; t++) {
        assertArrayEquals(row(a, t), row(b, t), 1e-6f, "t=" + t);
      }
      assertNotEquals(
          a.get(new NDIndex("0, 3")).getFloat(0), b.get(new NDIndex("0, 3")).getFloat(0));
    }
  }

  @Test
  void paddedSourceTokensDoNotMatter() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, true, TransformerConfig.Tie.OUTPUT);
      long[][] changed = {SRC[0].clone(), SRC[1].clone()};
      changed[1][3] = 17;
      changed[1][4] = 12;
      NDArray a =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      NDArray b =
          model.logits(
              m.create(changed), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void dropoutOnlyInTraining() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.OUTPUT);
      NDArray a =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      NDArray b =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      NDArray c =
          model.logits(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN), TeacherForcing.ALWAYS, true);
      assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
      assertNotEquals(
          a.get(new NDIndex("0, 0, 0")).getFloat(), c.get(new NDIndex("0, 0, 0")).getFloat());
    }
  }

  /**
   * The paper's base model (d 512, 8 heads, FFN 2048, 6 + 6 layers) against the parameter count by
   * formula: per attention 4d² + 4d, per FFN 2·d·ffn + ffn + d, per LayerNorm 2d.
   */
  @Test
  void baseModelHasTheParameterCountOfTheFormula() {
    try (NDManager m = Engines.start().newBaseManager()) {
      long d = 512;
      long ffn = 2048;
      long v = 1000;
      long attention = 4 * d * d + 4 * d;
      long feedForward = 2 * d * ffn + ffn + d;
      long norm = 2 * d;
      long encoderLayer = attention + feedForward + 2 * norm;
      long decoderLayer = 2 * attention + feedForward + 3 * norm;
      long stacks = 6 * encoderLayer + 6 * decoderLayer + 2 * norm;
      // the paper's base model: every setting is the YAML default but the tie and the table length
      TransformerConfig paper =
          TransformerConfig.builder().tie(TransformerConfig.Tie.ALL).maxPositions(256).build();
      TransformerSeq2Seq shared = new TransformerSeq2Seq(m, paper, 1000, 1000);
      assertEquals(stacks + v * d, shared.parameters().count());
      assertEquals(
          44_140_544 + v * d, shared.parameters().count()); // the paper's ~44M + embeddings
      shared.close();
      TransformerSeq2Seq untied =
          new TransformerSeq2Seq(
              m, paper.toBuilder().tie(TransformerConfig.Tie.NONE).build(), 900, 1000);
      assertEquals(stacks + 900 * d + 1000 * d + (d * 1000 + 1000), untied.parameters().count());
    }
  }

  @Test
  void invalidOptionsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TransformerConfig.builder()
                    .dModel(10)
                    .heads(4)
                    .ffn(32)
                    .encoderLayers(1)
                    .decoderLayers(1)
                    .dropout(0.1)
                    .norm(TransformerConfig.Norm.POST)
                    .tie(TransformerConfig.Tie.OUTPUT)
                    .maxPositions(64)
                    .build());
    assertEquals("model.heads: must divide model.dModel (10), was 4", e.getMessage());
    TransformerConfig tieAll =
        TransformerConfig.builder().dModel(8).heads(4).tie(TransformerConfig.Tie.ALL).build();
    try (NDManager m = Engines.start().newBaseManager()) {
      e =
          assertThrows(
              IllegalArgumentException.class, () -> new TransformerSeq2Seq(m, tieAll, 20, 21));
    }
    assertEquals(
        "tie all needs one vocabulary for both sides, sizes were 20 and 21", e.getMessage());
  }

  @Test
  void attentionViewPicksALayerAndHead() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m, false, TransformerConfig.Tie.OUTPUT);
      DecoderState s0 = model.encode(m.create(SRC), SRC_LENGTHS);
      NDArray bos = m.create(new long[] {2, 2});
      float[] mean = model.step(bos, s0).attention().toFloatArray();
      float[] sum = new float[mean.length];
      for (int h = 0; h < 4; h++) {
        StepOptions view = StepOptions.DEFAULT.withAttentionView(-1, h);
        float[] head =
            model
                .step(bos, model.encode(m.create(SRC), SRC_LENGTHS, view))
                .attention()
                .toFloatArray();
        assertEquals(1f, head[0] + head[1] + head[2] + head[3] + head[4], 1e-5f);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += head[i] / 4;
        }
      }
      assertArrayEquals(mean, sum, 1e-6f);
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  model.encode(
                      m.create(SRC), SRC_LENGTHS, StepOptions.DEFAULT.withAttentionView(2, 0)));
      assertEquals("attention layer must be in [-1, 1], was 2", e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> model.check(StepOptions.DEFAULT.withAttentionView(-1, 4)));
      assertEquals("attention head must be in [-1, 3], was 4", e.getMessage());
    }
  }
}
