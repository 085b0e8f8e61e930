package dev.seq4j.model;

/**
 * Decode-time choices of one decoding call, passed to {@link
 * Seq2SeqModel#encode(ai.djl.ndarray.NDArray, int[], StepOptions)} and carried by the state it
 * returns, so a model shared between callers (threads, server requests) is never switched for all
 * of them.
 *
 * @param cache reuse each layer's keys and values from step to step (the fast path); false re-runs
 *     the decoder over the whole prefix at every step (the exact reference; same numbers)
 * @param attentionLayer which decoder layer's encoder–decoder weights a step reports; -1 for the
 *     last (models with one attention accept only -1)
 * @param attentionHead which head's weights a step reports; -1 for the mean over heads
 */
public record StepOptions(boolean cache, int attentionLayer, int attentionHead) {
  /** Cached steps reporting the last layer's weights averaged over heads. */
  public static final StepOptions DEFAULT = new StepOptions(true, -1, -1);

  /** Checks the attention view against nothing but itself; a model checks its ranges. */
  public StepOptions {
    if (attentionLayer < -1) {
      throw new IllegalArgumentException("attention layer must be >= -1, was " + attentionLayer);
    }
    if (attentionHead < -1) {
      throw new IllegalArgumentException("attention head must be >= -1, was " + attentionHead);
    }
  }

  /** Default options with or without the cache. */
  public static StepOptions cached(boolean cache) {
    return new StepOptions(cache, -1, -1);
  }

  /** A copy reporting layer {@code layer}, head {@code head} (-1: last layer, mean of heads). */
  public StepOptions withAttentionView(int layer, int head) {
    return new StepOptions(cache, layer, head);
  }

  /** Whether a specific layer or head was asked for. */
  public boolean choosesAttention() {
    return attentionLayer != -1 || attentionHead != -1;
  }
}
