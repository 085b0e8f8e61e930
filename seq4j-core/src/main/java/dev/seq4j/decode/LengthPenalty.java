package dev.seq4j.decode;

import dev.seq4j.config.DecodeConfig;

/**
 * How beam search compares hypotheses of different lengths: the score of a hypothesis with total
 * log-probability {@code logP} and {@code length} tokens (its {@code <eos>} included).
 *
 * <ul>
 *   <li>{@code gnmt} (Wu et al. 2016): {@code logP / ((5 + length) / 6)^α}; α = 0 is the raw
 *       log-probability
 *   <li>{@code average}: {@code logP / length}, the mean log-probability per token
 * </ul>
 *
 * Both divide a negative log-probability by a divisor that grows with length, so a longer
 * continuation of a hypothesis never scores above {@code logP} normalised at the length cap: that
 * bound is what lets the search stop early and exactly.
 */
public record LengthPenalty(DecodeConfig.LengthNormalization kind, double alpha) {

  /** Validates the fields. */
  public LengthPenalty {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("lengthPenalty must be >= 0, was " + alpha);
    }
  }

  /** The raw log-probability (GNMT with α = 0). */
  public static LengthPenalty none() {
    return new LengthPenalty(DecodeConfig.LengthNormalization.GNMT, 0);
  }

  /** The score of a hypothesis. */
  public double score(double logP, int length) {
    return switch (kind) {
      case GNMT -> alpha == 0 ? logP : logP / Math.pow((5.0 + length) / 6.0, alpha);
      case AVERAGE -> logP / Math.max(1, length);
    };
  }
}
