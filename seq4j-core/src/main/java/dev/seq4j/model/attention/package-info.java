/**
 * Attention (Bahdanau et al. 2015; Luong et al. 2015): score functions behind {@link
 * dev.seq4j.model.attention.AttentionScore}, the masked softmax and the weighted sum in {@link
 * dev.seq4j.model.attention.Attention}, and the location term. Shapes: queries (B, T, Hq) (T = 1
 * for one decoder step), keys and values (B, S, Hk), scores and weights (B, T, S), context (B, T,
 * Hk).
 *
 * <p>How a score is chosen: a model's configuration holds a {@link
 * dev.seq4j.model.attention.ScoreKind}, which makes the score for given query and key sizes. The
 * built-in kinds are the constants of {@link dev.seq4j.model.attention.AttentionKind}, each
 * carrying its factory; YAML's {@code model.attention} names are those constants' names (through
 * {@code config.Choices}), and {@code NONE} is the plain encoder–decoder. No switch anywhere maps
 * names to classes, so a constant cannot be left unwired.
 *
 * <p>Checklist, a new attention score:
 *
 * <ol>
 *   <li>a class implementing {@code AttentionScore} with the formula in its Javadoc and parameters
 *       registered as {@code NAME.*} in its constructor (a part computed from the keys alone, like
 *       the additive score's {@code W_h h}, goes in {@code projectKeys}, so that decoding computes
 *       it once per sentence);
 *   <li>one constant in {@code AttentionKind}, e.g. {@code COSINE((p, name, q, k) -> new
 *       CosineScore(p, name, q, k), false)} (the flag: queries and keys must have equal sizes);
 *   <li>a test with a hand computation, like {@code AttentionTest}.
 * </ol>
 *
 * Nothing else changes: {@code model.attention: cosine} then loads, is written back, and builds.
 * The test sources show it with a toy score that touches no main code: {@code CosineScore} and
 * {@code ToyScores implements ScoreKind} drive a real {@code RnnSeq2Seq} in {@code NewScoreTest}.
 */
package dev.seq4j.model.attention;
