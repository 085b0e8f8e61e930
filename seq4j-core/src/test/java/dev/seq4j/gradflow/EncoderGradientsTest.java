package dev.seq4j.gradflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.data.batch.Example;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderGradientsTest {
  private static final EncoderGradients.Ids IDS = new EncoderGradients.Ids(0, 2, 3);
  private static final List<Example> EXAMPLES =
      List.of(
          new Example(new int[] {5, 6, 7, 8, 9}, new int[] {6, 7}, 0),
          new Example(new int[] {4, 9}, new int[] {8, 8, 5}, 1),
          new Example(new int[] {7, 7, 5}, new int[] {9}, 2));

  private static RnnSeq2Seq model(NDManager m, RnnConfig options) {
    Engine.getInstance().setRandomSeed(3);
    return new RnnSeq2Seq(m, options, 12, 12);
  }

  /**
   * A one-unit Elman encoder without attention: the loss reaches h_{t−1} only through h_t, so by
   * hand ∂L/∂h_{t−1} = u·(1 − h_t²)·∂L/∂h_t with u = W_hh and h_t = tanh(W_ih·e(x_t) + b +
   * u·h_{t−1}).
   */
  @Test
  void oneUnitElmanEncoderFollowsTheHandComputedChain() {
    RnnConfig options = RnnConfig.builder().cell(CellType.ELMAN).embedding(3).hidden(1).build();
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, options);
      Example e = EXAMPLES.get(0);
      double[] norms = EncoderGradients.measure(model, 0, List.of(e), IDS, 8).get(0);

      float[] emb = model.parameters().get("src_embedding.weight").toFloatArray(); // (12, 3)
      float[] w = model.parameters().get("encoder.l0.fwd.weight_ih").toFloatArray(); // (1, 3)
      double u = model.parameters().get("encoder.l0.fwd.weight_hh").toFloatArray()[0];
      double b =
          model.parameters().get("encoder.l0.fwd.bias_ih").toFloatArray()[0]
              + model.parameters().get("encoder.l0.fwd.bias_hh").toFloatArray()[0];
      double[] h = new double[e.src().length];
      double prev = 0;
      for (int t = 0; t < h.length; t++) {
        double a = b + u * prev;
        for (int k = 0; k < 3; k++) {
          a += w[k] * emb[e.src()[t] * 3 + k];
        }
        h[t] = Math.tanh(a);
        prev = h[t];
      }
      assertEquals(5, norms.length);
      assertTrue(norms[4] > 1e-4, "the last state gets the loss's gradient: " + norms[4]);
      for (int t = h.length - 1; t > 0; t--) {
        double expected = Math.abs(u) * (1 - h[t] * h[t]) * norms[t];
        assertEquals(expected, norms[t - 1], 1e-5 * norms[4], "t = " + t);
      }
    }
  }

  /** Measured in one padded batch or one sentence at a time: the same norms (padding gets none). */
  @Test
  void batchedEqualsOneAtATimeForAnAttentionalTwoLayerLstm() {
    RnnConfig options =
        RnnConfig.builder()
            .cell(CellType.LSTM)
            .embedding(6)
            .hidden(8)
            .layers(2)
            .bidirectional(true)
            .attention(AttentionKind.GENERAL)
            .build();
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, options);
      for (int layer = 0; layer < 2; layer++) {
        List<double[]> together = EncoderGradients.measure(model, layer, EXAMPLES, IDS, 8);
        for (int i = 0; i < EXAMPLES.size(); i++) {
          double[] alone =
              EncoderGradients.measure(model, layer, List.of(EXAMPLES.get(i)), IDS, 1).get(0);
          assertEquals(EXAMPLES.get(i).src().length, together.get(i).length);
          assertArrayEquals(alone, together.get(i), 1e-6, "layer " + layer + ", sentence " + i);
          for (double n : alone) {
            assertTrue(n > 0, "attention gives every position a share: " + n);
          }
        }
      }
      // the measurement is no training step: every parameter's gradient is back to 0
      for (var p : model.parameters().asMap().values()) {
        assertEquals(0f, p.getGradient().abs().max().getFloat(), 0f);
      }
    }
  }

  @Test
  void theModelsOwnTranslationsBecomeTheTargets() {
    RnnConfig options = RnnConfig.builder().cell(CellType.GRU).embedding(4).hidden(6).build();
    try (NDManager m = Engines.start().newBaseManager()) {
      RnnSeq2Seq model = model(m, options);
      List<Example> sources =
          EXAMPLES.stream().map(e -> new Example(e.src(), null, e.index())).toList();
      List<Example> own =
          EncoderGradients.withOwnTranslations(model, sources, IDS, LengthLimit.absolute(4), 2);
      assertEquals(3, own.size());
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(EXAMPLES.get(i).src(), own.get(i).src());
        assertTrue(own.get(i).trg().length <= 4);
      }
      assertEquals(3, EncoderGradients.measure(model, 0, own, IDS, 8).size());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> EncoderGradients.measure(model, 0, sources, IDS, 8));
      assertEquals("example 0: needs a target and at least one source token", e.getMessage());
    }
  }

  /** Means over the sentences that reach each position, and the median first/last ratio. */
  @Test
  void profileAveragesPerPositionAndTakesTheMedianRatio() {
    EncoderGradients.Profile p =
        EncoderGradients.Profile.of(
            List.of(new double[] {4, 2, 1}, new double[] {3, 1}, new double[] {8, 4, 2, 1}));
    assertArrayEquals(new double[] {5, 7 / 3.0, 1.5, 1}, p.mean(), 1e-12);
    assertArrayEquals(new int[] {3, 3, 2, 1}, p.sentences());
    assertEquals(4.0, p.medianRatio(), 0); // ratios 4, 3 and 8
  }
}
