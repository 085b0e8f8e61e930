package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {4, 4, 0, 0, 0}, {9, 8, 7, 0, 0}};
  private static final int[] LENGTHS = {5, 2, 3};

  @Test
  void temperatureZeroAndTopOneAreGreedy() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      TransformerSeq2Seq model =
          new TransformerSeq2Seq(
              m,
              TransformerConfig.builder()
                  .dModel(16)
                  .heads(2)
                  .ffn(32)
                  .encoderLayers(1)
                  .decoderLayers(1)
                  .dropout(0)
                  .norm(TransformerConfig.Norm.POST)
                  .tie(TransformerConfig.Tie.OUTPUT)
                  .maxPositions(64)
                  .build(),
              12,
              12);
      LengthLimit cap = LengthLimit.absolute(10);
      int[][] greedy = new Greedy(2, 3, cap).decode(model, m, SRC, LENGTHS);
      for (Sampling s :
          new Sampling[] {
            new Sampling(0, 0, 1, 7), new Sampling(1.5, 1, 1, 7), new Sampling(1e-7, 0, 1, 7)
          }) {
        assertArrayEquals(greedy, new Greedy(2, 3, cap, s).decode(model, m, SRC, LENGTHS));
      }
      int[][] a = new Greedy(2, 3, cap, new Sampling(2, 0, 1, 42)).decode(model, m, SRC, LENGTHS);
      int[][] b = new Greedy(2, 3, cap, new Sampling(2, 0, 1, 42)).decode(model, m, SRC, LENGTHS);
      assertArrayEquals(a, b, "same seed, same draws");
    }
  }

  @Test
  void drawsFollowTheDistributionAndTheFilters() {
    try (NDManager m = Engines.start().newBaseManager()) {
      BigramModel model = new BigramModel(m); // after <bos>: a 0.6, b 0.4
      long[][] src = new long[4000][];
      java.util.Arrays.fill(src, new long[] {4});
      int[] lengths = new int[src.length];
      java.util.Arrays.fill(lengths, 1);
      LengthLimit one = LengthLimit.absolute(1);
      assertEquals(
          0.6,
          share(new Greedy(2, 3, one, new Sampling(1, 0, 1, 1)), model, m, src, lengths),
          0.03);
      // T = 0.5 squares the odds: 0.36 / (0.36 + 0.16)
      assertEquals(
          0.36 / 0.52,
          share(new Greedy(2, 3, one, new Sampling(0.5, 0, 1, 1)), model, m, src, lengths),
          0.03);
      // top-p 0.5: a alone reaches the mass
      assertEquals(
          1.0, share(new Greedy(2, 3, one, new Sampling(1, 0, 0.5, 1)), model, m, src, lengths));
      assertNotEquals(
          1.0, share(new Greedy(2, 3, one, new Sampling(1, 0, 0.7, 1)), model, m, src, lengths));
    }
  }

  private static double share(
      Greedy g, BigramModel model, NDManager m, long[][] src, int[] lengths) {
    int a = 0;
    for (int[] out : g.decode(model, m, src, lengths)) {
      a += out[0] == BigramModel.A ? 1 : 0;
    }
    return a / (double) src.length;
  }

  @Test
  void badSettingsAreRefused() {
    assertEquals(
        "temperature must be >= 0, was -1.0",
        assertThrows(IllegalArgumentException.class, () -> new Sampling(-1, 0, 1, 1)).getMessage());
    assertEquals(
        "topP must be in (0, 1], was 0.0",
        assertThrows(IllegalArgumentException.class, () -> new Sampling(1, 0, 0, 1)).getMessage());
  }
}
