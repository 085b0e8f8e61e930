package dev.seq4j.data.batch;

/**
 * How to cut examples into batches.
 *
 * @param batchSize sentences per batch (used when batchTokens is 0)
 * @param batchTokens padded-token budget per batch; 0 batches by sentence count
 * @param maxLength examples with a longer source or target are dropped
 * @param shuffle shuffle the order of batches (sentences of similar length stay together)
 * @param seed seeds tie-breaking and shuffling
 */
public record BatchingOptions(
    int batchSize, int batchTokens, int maxLength, boolean shuffle, long seed) {

  /** Validates the sizes. */
  public BatchingOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, was " + batchSize);
    }
    if (batchTokens < 0) {
      throw new IllegalArgumentException("batchTokens must be >= 0, was " + batchTokens);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
    }
  }
}
