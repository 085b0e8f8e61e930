package dev.seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingFlopsTest {
  /**
   * d 2, FFN 4, one layer each side, vocabulary 3, one sentence of one source and one target token.
   * Encoder token: Q, K, V, O 4·2·2 = 16, scores and values 2·1·2 = 4, FFN 2·2·4 = 16. Decoder
   * token: self-attention 16 + 4, cross Q and O 8, cross scores and values 4, FFN 16; cross K and V
   * of the source token 8; output 2·3 = 6. 98 multiply-adds, 6 × 98 operations.
   */
  @Test
  void aTinyTransformerStepCountedByHand() {
    assertEquals(6 * 98, TrainingFlops.transformer(2, 4, 1, 1, 3, 1, 1, 1));
  }

  /**
   * Embedding 1, hidden 1, one layer, vocabulary 1, one token each side: encoder gates 4·(1+1)·1 =
   * 8, decoder 8, scores and context 2·1·1 = 2, W_c 2·1·1 = 2, output 1. 21 multiply-adds.
   */
  @Test
  void aTinyRecurrentStepCountedByHand() {
    assertEquals(6 * 21, TrainingFlops.rnnAttention(1, 1, 1, 1, 1, 1, 1));
  }

  /**
   * Work grows with the batch exactly; the second LSTM layer reads the hidden size, not the
   * embedding.
   */
  @Test
  void batchIsLinearAndDeeperLayersReadTheHiddenState() {
    assertEquals(
        4 * TrainingFlops.transformer(256, 1024, 3, 3, 8000, 16, 20, 22),
        TrainingFlops.transformer(256, 1024, 3, 3, 8000, 64, 20, 22),
        1e-3);
    double oneLayer = TrainingFlops.rnnAttention(256, 512, 1, 8000, 64, 20, 22);
    double twoLayers = TrainingFlops.rnnAttention(256, 512, 2, 8000, 64, 20, 22);
    assertEquals(6.0 * 4 * (512 + 512) * 512 * 64 * (20 + 22), twoLayers - oneLayer, 1e-3);
  }

  /**
   * The P3 step of shared/bench (64 × 20 source, 64 × 22 target tokens): encoder 3 × 1,280 ×
   * 796,672, decoder 3 × 1,408 × 939,008, cross keys and values 3 × 1,280 × 131,072, output 1,408 ×
   * 2,048,000 = 10,412,490,752 multiply-adds forward, 62.5 GFLOP a training step.
   */
  @Test
  void theP3Step() {
    assertEquals(
        6.0 * 10_412_490_752L, TrainingFlops.transformer(256, 1024, 3, 3, 8000, 64, 20, 22), 1);
  }
}
