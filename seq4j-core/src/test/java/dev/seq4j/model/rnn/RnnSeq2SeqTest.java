package dev.seq4j.model.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.model.attention.AttentionKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Teacher-forced logits of a whole sequence equal the logits of decoding it step by step. */
class RnnSeq2SeqTest {
  private static final long[][] SRC = {{5, 6, 7, 8}, {9, 4, 0, 0}};
  private static final long[][] TRG_IN = {{2, 4, 5, 6}, {2, 7, 8, 0}};

  static Stream<Arguments> variants() {
    return Stream.of(
        Arguments.of(AttentionKind.NONE, RnnConfig.Decoder.LUONG, false, false),
        Arguments.of(AttentionKind.NONE, RnnConfig.Decoder.LUONG, false, true),
        Arguments.of(AttentionKind.GENERAL, RnnConfig.Decoder.LUONG, false, true),
        Arguments.of(AttentionKind.CONCAT, RnnConfig.Decoder.LUONG, true, true),
        Arguments.of(AttentionKind.DOT, RnnConfig.Decoder.LUONG, true, false),
        Arguments.of(AttentionKind.ADDITIVE, RnnConfig.Decoder.BAHDANAU, false, true));
  }

  private static RnnSeq2Seq model(
      NDManager m,
      AttentionKind attention,
      RnnConfig.Decoder decoder,
      boolean feeding,
      boolean bidirectional) {
    Engine.getInstance().setRandomSeed(5);
    return new RnnSeq2Seq(
        m, options(CellType.LSTM, 2, bidirectional, attention, decoder, feeding, 0), 12, 12);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void wholeSequenceEqualsStepByStep(
      AttentionKind attention, RnnConfig.Decoder decoder, boolean feeding, boolean bidirectional) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, attention, decoder, feeding, bidirectional);
      int[] lengths = {4, 2};
      NDArray whole =
          model.logits(m.create(SRC), lengths, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      assertStepByStepEquals(model, m, lengths, whole, attention != AttentionKind.NONE);
    }
  }

  @ParameterizedTest
  @MethodSource("locationVariants")
  void withTheLocationTermWholeSequenceEqualsStepByStep(
      AttentionKind attention, RnnConfig.Decoder decoder) {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      RnnSeq2Seq model = new RnnSeq2Seq(m, gruOptions(attention, decoder, 3), 12, 12);
      int[] lengths = {4, 2};
      NDArray whole =
          model.logits(m.create(SRC), lengths, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      NDArray kernel = model.parameters().get("attention.location");
      kernel.setRequiresGradient(false);
      kernel.set(new float[] {0.5f, -1f, 4f});
      NDArray shifted =
          model.logits(m.create(SRC), lengths, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      assertEquals(
          0f,
          whole
              .get(new NDIndex(":, 0"))
              .sub(shifted.get(new NDIndex(":, 0")))
              .abs()
              .max()
              .getFloat(),
          0f,
          "no previous weights at the first step");
      assertTrue(whole.sub(shifted).abs().max().getFloat() > 1e-4, "the term changes later steps");
      assertStepByStepEquals(model, m, lengths, shifted, true);
    }
  }

  /** Step-by-step decoding from the reference gives the whole-sequence logits, row by row. */
  private static void assertStepByStepEquals(
      RnnSeq2Seq model, NDManager m, int[] lengths, NDArray whole, boolean attends) {
    DecoderState state = model.encode(m.create(SRC), lengths);
    for (int t = 0; t < TRG_IN[0].length; t++) {
      Seq2SeqModel.Step step = model.step(m.create(TRG_IN).get(new NDIndex(":, {}", t)), state);
      state = step.state();
      assertArrayEquals(
          whole.get(new NDIndex(":, {}", t)).toFloatArray(),
          step.logits().toFloatArray(),
          1e-5f,
          "t=" + t);
      if (attends) {
        float[] w = step.attention().toFloatArray(); // (2, 4)
        assertEquals(1f, w[0] + w[1] + w[2] + w[3], 1e-5f);
        assertEquals(0f, w[6], 0f); // padded source positions of row 2 stay exactly 0
        assertEquals(0f, w[7], 0f);
      }
    }
  }

  /** Embeddings 6, hidden 8, no dropout, with an output bias (vocabularies of 12). */
  private static RnnConfig options(
      CellType cell,
      int layers,
      boolean bidirectional,
      AttentionKind attention,
      RnnConfig.Decoder decoder,
      boolean feeding,
      int locationWidth) {
    return RnnConfig.builder()
        .cell(cell)
        .embedding(6)
        .hidden(8)
        .layers(layers)
        .bidirectional(bidirectional)
        .attention(attention)
        .decoder(decoder)
        .inputFeeding(feeding)
        .locationWidth(locationWidth)
        .build();
  }

  /** A one-layer GRU over a bidirectional encoder, with a location term of width {@code width}. */
  private static RnnConfig gruOptions(
      AttentionKind attention, RnnConfig.Decoder decoder, int width) {
    return options(CellType.GRU, 1, true, attention, decoder, false, width);
  }

  static Stream<Arguments> locationVariants() {
    return Stream.of(
        Arguments.of(AttentionKind.GENERAL, RnnConfig.Decoder.LUONG),
        Arguments.of(AttentionKind.ADDITIVE, RnnConfig.Decoder.BAHDANAU));
  }

  /**
   * A model that reads its source reversed reports attention over the source in source order: on
   * the same weights it decodes x exactly as the plain model decodes x reversed, and its weight on
   * source token i is the plain model's weight on position length - 1 - i (here with the location
   * term, which reads the previous weights in memory order).
   */
  @Test
  void aReversedSourceModelReportsAttentionInSourceOrder() {
    long[][] reversed = {{8, 7, 6, 5}, {4, 9, 0, 0}};
    int[] lengths = {4, 2};
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnConfig.Builder b = RnnConfig.builder().cell(CellType.GRU).embedding(6).hidden(8).layers(1);
      b.attention(AttentionKind.GENERAL).locationWidth(3);
      Engine.getInstance().setRandomSeed(5);
      RnnSeq2Seq plain = new RnnSeq2Seq(m, b.build(), 12, 12);
      Engine.getInstance().setRandomSeed(5);
      RnnSeq2Seq backwards = new RnnSeq2Seq(m, b.reverseSource(true).build(), 12, 12);
      DecoderState p = plain.encode(m.create(reversed), lengths);
      DecoderState r = backwards.encode(m.create(SRC), lengths);
      for (int t = 0; t < TRG_IN[0].length; t++) {
        NDArray previous = m.create(TRG_IN).get(new NDIndex(":, {}", t));
        Seq2SeqModel.Step ps = plain.step(previous, p);
        Seq2SeqModel.Step rs = backwards.step(previous, r);
        p = ps.state();
        r = rs.state();
        assertArrayEquals(ps.logits().toFloatArray(), rs.logits().toFloatArray(), 1e-6f);
        float[] pw = ps.attention().toFloatArray(); // (2, 4), over the reversed source
        float[] rw = rs.attention().toFloatArray(); // (2, 4), over the source
        for (int row = 0; row < 2; row++) {
          for (int i = 0; i < 4; i++) {
            float expected = i < lengths[row] ? pw[row * 4 + lengths[row] - 1 - i] : 0f;
            assertEquals(expected, rw[row * 4 + i], 1e-6f, "t=" + t + " row " + row + " i=" + i);
          }
        }
        assertTrue(Math.abs(rw[0] - rw[3]) > 1e-4, "weights that reversal would change");
      }
    }
  }

  /**
   * A probe that adds zeros leaves the teacher-forced logits as they are (its layer then steps the
   * explicit formula, the others the fused kernel), and it sees every source position once.
   */
  @ParameterizedTest
  @MethodSource("variants")
  void aZeroProbeOnTheSecondLayerLeavesTheLogitsAsTheyAre(
      AttentionKind attention, RnnConfig.Decoder decoder, boolean feeding, boolean bidirectional) {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, attention, decoder, feeding, bidirectional);
      int[] lengths = {4, 2};
      NDArray plain =
          model.logits(m.create(SRC), lengths, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      java.util.List<Integer> seen = new java.util.ArrayList<>();
      StateProbe zero =
          new StateProbe() {
            @Override
            public int layer() {
              return 1;
            }

            @Override
            public NDArray apply(int t, NDArray h) {
              seen.add(t);
              assertEquals(new ai.djl.ndarray.types.Shape(2, 8), h.getShape());
              return h.add(h.zerosLike());
            }
          };
      NDArray probed = model.logits(m.create(SRC), lengths, m.create(TRG_IN), zero);
      assertArrayEquals(plain.toFloatArray(), probed.toFloatArray(), 1e-5f);
      assertEquals(java.util.List.of(0, 1, 2, 3), seen);
    }
  }

  /** What the probe returns is what the layer carries on with: a changed h changes the output. */
  @Test
  void theLayerCarriesOnWithWhatTheProbeReturns() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, AttentionKind.NONE, RnnConfig.Decoder.LUONG, false, false);
      int[] lengths = {4, 2};
      NDArray plain =
          model.logits(m.create(SRC), lengths, m.create(TRG_IN), TeacherForcing.ALWAYS, false);
      StateProbe shiftFirst =
          new StateProbe() {
            @Override
            public int layer() {
              return 0;
            }

            @Override
            public NDArray apply(int t, NDArray h) {
              return t == 0 ? h.add(0.5f) : h;
            }
          };
      NDArray probed = model.logits(m.create(SRC), lengths, m.create(TRG_IN), shiftFirst);
      assertTrue(plain.sub(probed).abs().max().getFloat() > 1e-3);
    }
  }

  @Test
  void aProbeOnALayerTheEncoderHasNotIsRefused() {
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, AttentionKind.NONE, RnnConfig.Decoder.LUONG, false, false);
      StateProbe third =
          new StateProbe() {
            @Override
            public int layer() {
              return 2;
            }

            @Override
            public NDArray apply(int t, NDArray h) {
              return h;
            }
          };
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> model.logits(m.create(SRC), new int[] {4, 2}, m.create(TRG_IN), third));
      assertEquals("encoder layer 3 does not exist: the encoder has 2 layers", e.getMessage());
    }
  }

  @Test
  void invalidCombinationsAreRefused() {
    try (NDManager m = Engines.start().newBaseManager()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> model(m, AttentionKind.NONE, RnnConfig.Decoder.BAHDANAU, false, true));
      assertEquals(
          "model.decoder: the Bahdanau decoder and input feeding need attention (model.attention"
              + " is none)",
          e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> gruOptions(AttentionKind.GENERAL, RnnConfig.Decoder.LUONG, 4));
      assertEquals("model.locationWidth: must be odd (or 0 for none), was 4", e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> model(m, AttentionKind.DOT, RnnConfig.Decoder.LUONG, false, true));
      assertEquals(
          "model.attention: 'dot' needs encoder states of the decoder's size; with a bidirectional encoder"
              + " use general, concat or additive",
          e.getMessage());
    }
  }
}
