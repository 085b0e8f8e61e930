package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.Bridge;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {4, 4, 0, 0, 0}, {9, 8, 7, 0, 0}};
  private static final int[] LENGTHS = {5, 2, 3};
  private static final int EOS = 3;
  private static final int A = 4;
  private static final int B = 5;

  @Test
  void greedyAndBeamPassTheirStepOptionsToEveryEncodeCall() {
    try (NDManager m = Engines.start().newBaseManager()) {
      BigramModel model = new BigramModel(m);
      long[][] src = {{4}};
      int[] lengths = {1};
      LengthLimit cap = LengthLimit.absolute(5);
      new Greedy(2, EOS, cap).decode(model, m, src, lengths);
      assertEquals(StepOptions.DEFAULT, model.lastOptions);
      StepOptions exact = StepOptions.cached(false);
      new Greedy(2, EOS, cap).withOptions(exact).decode(model, m, src, lengths);
      assertEquals(exact, model.lastOptions);
      BeamSearch beam = new BeamSearch(2, EOS, 2, cap, LengthPenalty.none(), 0);
      beam.withOptions(exact).decode(model, m, src, lengths, 1, false);
      assertEquals(exact, model.lastOptions);
      // a model with one attention refuses a layer or head choice, before decoding anything
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  beam.withOptions(StepOptions.DEFAULT.withAttentionView(0, -1))
                      .decode(model, m, src, lengths, 1, false));
      assertEquals(
          "an attention layer and head can be chosen for transformer models only (this model has"
              + " one attention)",
          e.getMessage());
    }
  }

  @Test
  void theBeamFindsTheSequenceGreedyMisses() {
    try (NDManager m = Engines.start().newBaseManager()) {
      BigramModel model = new BigramModel(m);
      long[][] src = {{4}};
      int[] lengths = {1};
      LengthLimit cap = LengthLimit.absolute(5);
      assertArrayEquals(new int[][] {{A}}, new Greedy(2, EOS, cap).decode(model, m, src, lengths));
      BeamSearch beam = new BeamSearch(2, EOS, 2, cap, LengthPenalty.none(), 0);
      List<Hypothesis> best = beam.decode(model, m, src, lengths, 2, false).get(0);
      assertArrayEquals(new int[] {B}, best.get(0).ids());
      assertEquals(Math.log(0.36), best.get(0).logProb(), 1e-5);
      assertArrayEquals(new int[] {A}, best.get(1).ids());
      assertEquals(Math.log(0.24), best.get(1).score(), 1e-5);

      BeamSearch greedyBeam = new BeamSearch(2, EOS, 1, cap, LengthPenalty.none(), 0);
      assertArrayEquals(
          new int[] {A}, greedyBeam.decode(model, m, src, lengths, 1, false).get(0).get(0).ids());
    }
  }

  @Test
  void minimumLengthAndLengthCap() {
    try (NDManager m = Engines.start().newBaseManager()) {
      BigramModel model = new BigramModel(m);
      long[][] src = {{4}};
      BeamSearch longer =
          new BeamSearch(2, EOS, 2, LengthLimit.absolute(5), LengthPenalty.none(), 2);
      Hypothesis h = longer.decode(model, m, src, new int[] {1}, 1, false).get(0).get(0);
      assertEquals(2, h.ids().length); // a a, a b or b then something: never <eos> first
      assertEquals(B, h.ids()[1]); // ... then b <eos>: 0.6·0.3·0.9 beats every other pair
      BeamSearch capped =
          new BeamSearch(2, EOS, 2, LengthLimit.absolute(1), LengthPenalty.none(), 1);
      Hypothesis c = capped.decode(model, m, src, new int[] {1}, 1, false).get(0).get(0);
      assertArrayEquals(new int[] {A}, c.ids()); // cut at the cap: a (0.6) without <eos>
      assertEquals(Math.log(0.6), c.logProb(), 1e-5);
    }
  }

  @Test
  void lengthPenaltiesFollowTheirFormulas() {
    assertEquals(-2.0, LengthPenalty.none().score(-2.0, 7));
    assertEquals(
        -2.0 / Math.pow((5 + 7) / 6.0, 0.6),
        new LengthPenalty(DecodeConfig.LengthNormalization.GNMT, 0.6).score(-2.0, 7),
        1e-12);
    assertEquals(
        -0.5, new LengthPenalty(DecodeConfig.LengthNormalization.AVERAGE, 0).score(-2.0, 4));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LengthPenalty(DecodeConfig.LengthNormalization.GNMT, Double.NaN));
    assertEquals("lengthPenalty must be >= 0, was NaN", e.getMessage());
  }

  private static List<Seq2SeqModel> models(NDManager m) {
    Engine.getInstance().setRandomSeed(7);
    RnnSeq2Seq rnn =
        new RnnSeq2Seq(
            m,
            RnnConfig.builder()
                .cell(CellType.LSTM)
                .embedding(6)
                .hidden(8)
                .layers(2)
                .dropout(0)
                .bidirectional(true)
                .bridge(Bridge.Kind.LINEAR)
                .context(RnnConfig.Context.INIT)
                .reverseSource(false)
                .initRange(0)
                .attention(AttentionKind.GENERAL)
                .decoder(RnnConfig.Decoder.LUONG)
                .inputFeeding(true)
                .build(),
            12,
            12);
    TransformerSeq2Seq transformer =
        new TransformerSeq2Seq(
            m,
            TransformerConfig.builder()
                .dModel(16)
                .heads(2)
                .ffn(32)
                .encoderLayers(2)
                .decoderLayers(2)
                .dropout(0.1)
                .norm(TransformerConfig.Norm.POST)
                .tie(TransformerConfig.Tie.OUTPUT)
                .maxPositions(64)
                .build(),
            12,
            12);
    // Bahdanau's decoder with the location term and the context vector fed at every step
    RnnSeq2Seq located =
        new RnnSeq2Seq(
            m,
            RnnConfig.builder()
                .cell(CellType.GRU)
                .embedding(6)
                .hidden(8)
                .context(RnnConfig.Context.EVERY_STEP)
                .attention(AttentionKind.ADDITIVE)
                .decoder(RnnConfig.Decoder.BAHDANAU)
                .locationWidth(3)
                .build(),
            12,
            12);
    return List.of(rnn, transformer, located);
  }

  /** Cho's encoder–decoder without attention: the context vector fed at every step. */
  private static Seq2SeqModel plainCho(NDManager m) {
    return new RnnSeq2Seq(
        m,
        RnnConfig.builder()
            .cell(CellType.GRU)
            .embedding(6)
            .hidden(8)
            .layers(2)
            .context(RnnConfig.Context.EVERY_STEP)
            .build(),
        12,
        12);
  }

  @Test
  void beamOneEqualsGreedyForEveryModelFamily() {
    try (NDManager m = Engines.start().newBaseManager()) {
      List<Seq2SeqModel> all = new java.util.ArrayList<>(models(m));
      all.add(plainCho(m));
      for (Seq2SeqModel model : all) {
        LengthLimit cap = new LengthLimit(12, 2, 1);
        int[][] greedy = new Greedy(2, EOS, cap).decode(model, m, SRC, LENGTHS);
        List<List<Hypothesis>> beam =
            new BeamSearch(2, EOS, 1, cap, LengthPenalty.none(), 0)
                .decode(model, m, SRC, LENGTHS, 1, false);
        for (int b = 0; b < SRC.length; b++) {
          assertArrayEquals(greedy[b], beam.get(b).get(0).ids(), model + " row " + b);
        }
      }
    }
  }

  @Test
  void batchedBeamEqualsOneSentenceAtATime() {
    try (NDManager m = Engines.start().newBaseManager()) {
      for (Seq2SeqModel model : models(m)) {
        BeamSearch beam =
            new BeamSearch(
                2,
                EOS,
                4,
                new LengthLimit(12, 2, 1),
                new LengthPenalty(DecodeConfig.LengthNormalization.GNMT, 0.6),
                0);
        List<List<Hypothesis>> batched = beam.decode(model, m, SRC, LENGTHS, 3, true);
        for (int b = 0; b < SRC.length; b++) {
          long[][] one = {Arrays.copyOf(SRC[b], LENGTHS[b])};
          List<Hypothesis> alone =
              beam.decode(model, m, one, new int[] {LENGTHS[b]}, 3, true).get(0);
          assertEquals(3, batched.get(b).size());
          for (int n = 0; n < 3; n++) {
            Hypothesis x = batched.get(b).get(n);
            Hypothesis y = alone.get(n);
            assertArrayEquals(y.ids(), x.ids(), model + " row " + b + " n " + n);
            assertEquals(y.score(), x.score(), 1e-4);
            assertEquals(x.ids().length, x.weights().length);
            for (float[] w : x.weights()) {
              assertEquals(LENGTHS[b], w.length);
              float sum = 0;
              for (float v : w) {
                sum += v;
              }
              assertEquals(1f, sum, 1e-4f);
            }
          }
          assertTrue(batched.get(b).get(0).score() >= batched.get(b).get(2).score());
        }
      }
    }
  }
}
