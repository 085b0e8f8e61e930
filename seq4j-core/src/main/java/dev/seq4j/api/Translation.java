package dev.seq4j.api;

import java.util.List;

/**
 * One translation and how it came about. Arrays are not copied: treat {@code attention} as
 * read-only.
 *
 * @param text the best output, detokenized (empty for an empty or blank input)
 * @param score beam search: the best output's length-penalised log-probability; greedy: NaN
 * @param candidates the {@link DecodeOptions#nBest} best outputs with their scores, best first (the
 *     first is {@code text}); empty for a blank input
 * @param finishReason why decoding of the best output stopped
 * @param sourceTokens the source as the model saw it (after tokenization and subword splitting)
 * @param targetTokens the best output's tokens, before detokenization
 * @param attention on request ({@link DecodeOptions#attention}): for each target token its weights
 *     over the source tokens, shape ({@code targetTokens.size()}, {@code sourceTokens.size()}),
 *     each row summing to 1; else null
 */
public record Translation(
    String text,
    double score,
    List<Candidate> candidates,
    FinishReason finishReason,
    List<String> sourceTokens,
    List<String> targetTokens,
    float[][] attention) {

  /**
   * One of the n best outputs.
   *
   * @param text the output, detokenized
   * @param score its length-penalised log-probability (NaN with greedy search)
   */
  public record Candidate(String text, double score) {}

  /** Why the decoder stopped. */
  public enum FinishReason {
    /** The model emitted its end-of-sentence token. */
    END_OF_SENTENCE,
    /** The output reached the length cap ({@code maxLength}, or the cap relative to the source). */
    MAX_LENGTH,
    /** The input was empty or blank: nothing was decoded. */
    EMPTY_INPUT
  }
}
