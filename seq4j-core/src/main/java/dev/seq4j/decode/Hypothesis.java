package dev.seq4j.decode;

/**
 * One output of beam search.
 *
 * @param ids output token ids, without {@code <bos>} and {@code <eos>}
 * @param logProb total log-probability (its {@code <eos>} included when it ended with one)
 * @param score the log-probability after the length penalty: what the search ranks by
 * @param weights for each output token the attention weights over the source tokens, or null
 * @param finish whether it ended at {@code <eos>} or was cut at its length cap
 */
public record Hypothesis(
    int[] ids, double logProb, double score, float[][] weights, FinishReason finish) {}
