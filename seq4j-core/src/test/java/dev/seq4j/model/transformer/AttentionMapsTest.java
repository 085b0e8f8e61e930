package dev.seq4j.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.StepOptions;
import org.junit.jupiter.api.Test;

/** {@link TransformerSeq2Seq#attentionMaps}: shapes, softmax rows, masks, and the step view. */
class AttentionMapsTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {9, 4, 10, 0, 0}};
  private static final int[] SRC_LENGTHS = {5, 3};
  private static final long[][] TRG_IN = {{2, 4, 5, 6}, {2, 7, 8, 11}};
  private static final int HEADS = 4;

  /** Three encoder layers and two decoder layers, so that the two lists cannot be confused. */
  private static TransformerSeq2Seq model(NDManager m) {
    Engine.getInstance().setRandomSeed(5);
    return new TransformerSeq2Seq(
        m,
        TransformerConfig.builder()
            .dModel(16)
            .heads(HEADS)
            .ffn(32)
            .encoderLayers(3)
            .decoderLayers(2)
            .dropout(0.1)
            .maxPositions(64)
            .build(),
        20,
        20);
  }

  /** Element [b][h][i][j] of a (B, h, I, J) array. */
  private static float at(float[] w, Shape s, int b, int h, int i, int j) {
    return w[(int) (((b * s.get(1) + h) * s.get(2) + i) * s.get(3) + j)];
  }

  @Test
  void shapesPerLayerAndHead() {
    try (NDManager m = Engines.start().newBaseManager()) {
      AttentionMaps maps = model(m).attentionMaps(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN));
      assertEquals(3, maps.encoderSelf().size());
      assertEquals(2, maps.decoderSelf().size());
      assertEquals(2, maps.cross().size());
      for (NDArray w : maps.encoderSelf()) {
        assertEquals(new Shape(2, HEADS, 5, 5), w.getShape());
      }
      for (NDArray w : maps.decoderSelf()) {
        assertEquals(new Shape(2, HEADS, 4, 4), w.getShape());
      }
      for (NDArray w : maps.cross()) {
        assertEquals(new Shape(2, HEADS, 4, 5), w.getShape());
      }
    }
  }

  @Test
  void encoderRowsSumToOneAndPaddingGetsNothing() {
    try (NDManager m = Engines.start().newBaseManager()) {
      AttentionMaps maps = model(m).attentionMaps(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN));
      for (NDArray layer : maps.encoderSelf()) {
        float[] w = layer.toFloatArray();
        Shape s = layer.getShape();
        for (int b = 0; b < 2; b++) {
          for (int h = 0; h < HEADS; h++) {
            for (int i = 0; i < SRC_LENGTHS[b]; i++) {
              float sum = 0;
              for (int j = 0; j < 5; j++) {
                float v = at(w, s, b, h, i, j);
                if (j >= SRC_LENGTHS[b]) {
                  assertEquals(0f, v, 0f, "padded key " + j + " of row " + b);
                }
                sum += v;
              }
              assertEquals(1f, sum, 1e-5f);
            }
          }
        }
      }
    }
  }

  @Test
  void decoderSelfAttentionIsCausalAndRowsSumToOne() {
    try (NDManager m = Engines.start().newBaseManager()) {
      AttentionMaps maps = model(m).attentionMaps(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN));
      for (NDArray layer : maps.decoderSelf()) {
        float[] w = layer.toFloatArray();
        Shape s = layer.getShape();
        for (int b = 0; b < 2; b++) {
          for (int h = 0; h < HEADS; h++) {
            assertEquals(1f, at(w, s, b, h, 0, 0), 1e-6f, "the first position sees only itself");
            for (int i = 0; i < 4; i++) {
              float sum = 0;
              for (int j = 0; j < 4; j++) {
                float v = at(w, s, b, h, i, j);
                if (j > i) {
                  assertEquals(0f, v, 0f, "above the diagonal at " + i + "," + j);
                } else {
                  assertTrue(v > 0, "visible position " + j + " of row " + i);
                }
                sum += v;
              }
              assertEquals(1f, sum, 1e-5f);
            }
          }
        }
      }
    }
  }

  @Test
  void crossMapsEqualTheWeightsThatStepByStepDecodingReports() {
    try (NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(m);
      AttentionMaps maps = model.attentionMaps(m.create(SRC), SRC_LENGTHS, m.create(TRG_IN));
      // the default view: the last layer, mean over heads; and one chosen layer and head
      StepOptions[] views = {StepOptions.DEFAULT, StepOptions.DEFAULT.withAttentionView(0, 2)};
      NDArray[] expected = {
        maps.cross().get(1).mean(new int[] {1}), // (B, T, S)
        maps.cross().get(0).get(new NDIndex(":, 2")) // (B, T, S)
      };
      for (int v = 0; v < views.length; v++) {
        DecoderState state = model.encode(m.create(SRC), SRC_LENGTHS, views[v]);
        for (int t = 0; t < TRG_IN[0].length; t++) {
          var step = model.step(m.create(TRG_IN).get(new NDIndex(":, {}", t)), state);
          state = step.state();
          assertArrayEquals(
              expected[v].get(new NDIndex(":, {}", t)).toFloatArray(),
              step.attention().toFloatArray(),
              1e-5f,
              "view " + v + ", t=" + t);
        }
      }
    }
  }
}
