package dev.seq4j.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoders keep only the live state between steps: the number of arrays under the decoding manager
 * stays put from step to step instead of growing with every step's activations.
 */
class DecodingMemoryTest {
  private static final long[][] SRC = {{5, 6, 7, 8, 9}, {9, 4, 10, 0, 0}};
  private static final int[] SRC_LENGTHS = {5, 3};
  private static final int STEPS = 16;

  private static TransformerSeq2Seq model(NDManager m) {
    Engine.getInstance().setRandomSeed(11);
    TransformerConfig c =
        TransformerConfig.builder()
            .dModel(16)
            .heads(4)
            .ffn(32)
            .encoderLayers(2)
            .decoderLayers(2)
            .dropout(0.1)
            .maxPositions(64)
            .build();
    return new TransformerSeq2Seq(m, c, 20, 20);
  }

  /** Counts, before every step, the arrays that the decoding manager and its scopes hold. */
  private static BooleanSupplier counting(NDManager m, List<Integer> live) {
    return () -> {
      live.add(((BaseNDManager) m).getManagedArrays().size());
      return false;
    };
  }

  private static void assertFlat(List<Integer> live) {
    assertEquals(STEPS, live.size(), live.toString());
    assertTrue(live.get(2) > 0, "the count sees the state's arrays: " + live);
    for (int t = 3; t < STEPS; t++) {
      assertEquals(live.get(2), live.get(t), "arrays alive before step " + t + ": " + live);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void greedyHoldsTheSameNumberOfArraysAtEveryStep(boolean cached) {
    try (NDManager weights = Engines.start().newBaseManager();
        NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(weights);
      List<Integer> live = new ArrayList<>();
      // <eos> is never an id, so both rows run all the steps
      new Greedy(2, -1, LengthLimit.absolute(STEPS))
          .withOptions(StepOptions.cached(cached))
          .decode(model, m, SRC, SRC_LENGTHS, false, counting(m, live));
      assertFlat(live);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void beamSearchHoldsTheSameNumberOfArraysAtEveryStep(boolean cached) {
    try (NDManager weights = Engines.start().newBaseManager();
        NDManager m = Engines.start().newBaseManager()) {
      TransformerSeq2Seq model = model(weights);
      List<Integer> live = new ArrayList<>();
      // <eos> is barred until the cap, so every hypothesis runs all the steps
      new BeamSearch(2, 3, 3, LengthLimit.absolute(STEPS), LengthPenalty.none(), STEPS)
          .withOptions(StepOptions.cached(cached))
          .decode(model, m, SRC, SRC_LENGTHS, 1, false, counting(m, live));
      assertFlat(live);
    }
  }
}
