package dev.seq4j.api;

/**
 * How {@link TranslationModel} searches for a translation: an immutable value that checks itself.
 * Settings not named here (the relative length cap, batch size, input cap, cache) keep the values
 * the model was trained with.
 *
 * <pre>{@code
 * DecodeOptions beam = DecodeOptions.builder().beam(5).nBest(3).maxLength(60).build();
 * }</pre>
 *
 * @param strategy greedy (the most probable token at each step) or beam search
 * @param beamSize live hypotheses per sentence in beam search (1 to 256; ignored by greedy)
 * @param nBest outputs returned per sentence, best first (1 with greedy; at most {@code beamSize})
 * @param maxLength the most output tokens (1 to 100,000), besides the cap relative to the source
 * @param lengthPenalty α of the GNMT length penalty {@code ((5 + |y|) / 6)^α} that beam search
 *     ranks by (0: raw log-probability)
 * @param attention return each translation's attention matrix (the model must attend)
 */
public record DecodeOptions(
    Strategy strategy,
    int beamSize,
    int nBest,
    int maxLength,
    double lengthPenalty,
    boolean attention) {

  /** Search strategies. */
  public enum Strategy {
    /** The most probable token at each step. */
    GREEDY,
    /** Beam search of {@code beamSize} hypotheses, ranked by the length-penalised score. */
    BEAM
  }

  /**
   * Validates every field; the message names the field, its allowed range and the value given.
   *
   * @throws IllegalArgumentException naming the first invalid field
   */
  public DecodeOptions {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy must be GREEDY or BEAM, was null");
    }
    if (beamSize < 1 || beamSize > 256) {
      throw new IllegalArgumentException("beamSize must be in [1, 256], was " + beamSize);
    }
    if (nBest < 1) {
      throw new IllegalArgumentException("nBest must be >= 1, was " + nBest);
    }
    if (strategy == Strategy.GREEDY && nBest != 1) {
      throw new IllegalArgumentException(
          "nBest must be 1 with greedy decoding, was " + nBest + " (use beam search)");
    }
    if (nBest > beamSize) {
      throw new IllegalArgumentException(
          "nBest must be <= beamSize (" + beamSize + "), was " + nBest);
    }
    if (maxLength < 1 || maxLength > 100_000) {
      throw new IllegalArgumentException("maxLength must be in [1, 100000], was " + maxLength);
    }
    if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
      throw new IllegalArgumentException(
          "lengthPenalty must be finite and >= 0, was " + lengthPenalty);
    }
  }

  /** A builder starting from greedy search, beam size 5, 1 output, 100 tokens, penalty 0.6. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder()
        .strategy(strategy)
        .beamSize(beamSize)
        .nBest(nBest)
        .maxLength(maxLength)
        .lengthPenalty(lengthPenalty)
        .attention(attention);
  }

  /** Builds {@link DecodeOptions}; {@link #build} validates. Not thread-safe. */
  public static final class Builder {
    private Strategy strategy = Strategy.GREEDY;
    private int beamSize = 5;
    private int nBest = 1;
    private int maxLength = 100;
    private double lengthPenalty = 0.6;
    private boolean attention;

    private Builder() {}

    /** Sets the search strategy. */
    public Builder strategy(Strategy strategy) {
      this.strategy = strategy;
      return this;
    }

    /** Greedy search. */
    public Builder greedy() {
      return strategy(Strategy.GREEDY);
    }

    /** Beam search with {@code beamSize} hypotheses. */
    public Builder beam(int beamSize) {
      return strategy(Strategy.BEAM).beamSize(beamSize);
    }

    /** Sets the beam size (used by beam search). */
    public Builder beamSize(int beamSize) {
      this.beamSize = beamSize;
      return this;
    }

    /** Sets how many outputs each translation lists, best first. */
    public Builder nBest(int nBest) {
      this.nBest = nBest;
      return this;
    }

    /** Sets the most output tokens. */
    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    /** Sets α of the length penalty. */
    public Builder lengthPenalty(double lengthPenalty) {
      this.lengthPenalty = lengthPenalty;
      return this;
    }

    /** Asks for (or not) each translation's attention matrix. */
    public Builder attention(boolean attention) {
      this.attention = attention;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException naming the first invalid setting
     */
    public DecodeOptions build() {
      return new DecodeOptions(strategy, beamSize, nBest, maxLength, lengthPenalty, attention);
    }
  }
}
