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

  /** Shares of each token over {@code n} draws from one row of logits. */
  private static double[] shares(Sampling s, float[] logits, int n) {
    double[] count = new double[logits.length];
    for (int i = 0; i < n; i++) {
      count[s.draw(logits)]++;
    }
    for (int v = 0; v < count.length; v++) {
      count[v] /= n;
    }
    return count;
  }

  @Test
  void topKAboveOneRenormalisesOverTheKMostProbable() {
    float[] logits = {
      (float) Math.log(0.15), (float) Math.log(0.5), (float) Math.log(0.05), (float) Math.log(0.3)
    };
    // k = 2 keeps tokens 1 (0.5) and 3 (0.3): 0.5/0.8 and 0.3/0.8, the others never
    double[] two = shares(new Sampling(1, 2, 1, 5), logits, 20_000);
    assertEquals(0.0, two[0]);
    assertEquals(0.625, two[1], 0.015);
    assertEquals(0.0, two[2]);
    assertEquals(0.375, two[3], 0.015);
    // k = 3 adds token 0: 0.5/0.95, 0.3/0.95, 0.15/0.95; token 2 (the least probable) never
    double[] three = shares(new Sampling(1, 3, 1, 5), logits, 20_000);
    assertEquals(0.15 / 0.95, three[0], 0.015);
    assertEquals(0.5 / 0.95, three[1], 0.015);
    assertEquals(0.0, three[2]);
    assertEquals(0.3 / 0.95, three[3], 0.015);
    // then top-p 0.8 within those three: 0.526 + 0.316 reaches it, token 0 drops out again
    double[] both = shares(new Sampling(1, 3, 0.8, 5), logits, 20_000);
    assertEquals(0.0, both[0]);
    assertEquals(0.625, both[1], 0.015);
    assertEquals(0.375, both[3], 0.015);
  }
}
