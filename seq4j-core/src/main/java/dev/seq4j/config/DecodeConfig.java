package dev.seq4j.config;

/**
 * How to translate. The output cap is {@code min(maxLength, maxLengthRatio · |x| +
 * maxLengthOffset)} tokens.
 *
 * @param beamSize live hypotheses per sentence for {@code strategy: beam}
 * @param lengthPenalty α of the GNMT length penalty {@code ((5 + |y|) / 6)^α} (0: raw
 *     log-probability)
 * @param lengthNormalization {@code gnmt} (with α) or {@code average} (log-probability per token)
 * @param minLength beam search: no {@code <eos>} before this many output tokens
 * @param nBest beam search: hypotheses kept per sentence (translate {@code --nbest} prints them)
 * @param temperature sampling: logits are divided by it (0: argmax)
 * @param topK sampling: draw among the k most probable tokens (0: all)
 * @param topP sampling: draw among the fewest most probable tokens whose mass reaches p (1: all)
 * @param seed sampling: seeds the draws
 * @param cache Transformer models: decode incrementally with cached keys and values (false re-runs
 *     the decoder over the whole prefix at every step; same output, slower)
 * @param maxInputTokens the most source tokens (after tokenization and BPE) one input may have;
 *     default 1,024. It bounds the memory one line can take (a 300,000-character line would
 *     otherwise take gigabytes); the server refuses a longer text with 422
 * @param overlong what a longer input gets: {@code error} (the default; the message names the line
 *     and its length) or {@code truncate} (its first {@code maxInputTokens} tokens are translated,
 *     with a warning)
 * @param noRepeatNgram n-gram blocking: no output repeats an n-gram of this length it already holds
 *     (its last token gets probability 0); 0 (the default) turns it off, 3 is common
 * @param repetitionPenalty CTRL's penalty θ (Keskar et al. 2019): before each choice, the logit z
 *     of every token already output becomes z/θ when z &gt; 0, else z·θ; 1 (the default) is off,
 *     1.2 is CTRL's
 * @param coveragePenalty β of GNMT's coverage penalty (Wu et al. 2016), beam search with models
 *     that attend: a finished hypothesis scores {@code lp + β · Σ_i log(min(Σ_t a_{t,i}, 1))},
 *     rewarding outputs whose attention covers every source token; 0 (the default) is off
 * @param batchTokens sort the inputs by length into batches of at most this many source tokens,
 *     padding included (instead of {@code batchSize} sentences; a longer input is a batch of its
 *     own); 0 (the default) batches by sentence count. Outputs keep the input order
 */
public record DecodeConfig(
    Strategy strategy,
    int beamSize,
    int maxLength,
    double maxLengthRatio,
    int maxLengthOffset,
    double lengthPenalty,
    LengthNormalization lengthNormalization,
    int minLength,
    int nBest,
    int batchSize,
    double temperature,
    int topK,
    double topP,
    long seed,
    boolean cache,
    int maxInputTokens,
    Overlong overlong,
    int noRepeatNgram,
    double repetitionPenalty,
    double coveragePenalty,
    int batchTokens) {

  /** The default of {@code decode.maxInputTokens}. */
  public static final int DEFAULT_MAX_INPUT_TOKENS = 1024;

  /** Checks what one setting cannot: {@code minLength <= maxLength}. */
  public DecodeConfig {
    if (minLength > maxLength) {
      throw new InvalidSetting(
          "decode.minLength", "must be <= decode.maxLength (" + maxLength + "), was " + minLength);
    }
  }

  /** Decoding strategies. */
  public enum Strategy {
    GREEDY,
    BEAM,
    SAMPLE
  }

  /** What an input over {@code decode.maxInputTokens} gets. */
  public enum Overlong {
    ERROR,
    TRUNCATE
  }

  /** How beam search normalises scores for length. */
  public enum LengthNormalization {
    GNMT,
    AVERAGE
  }

  /** Reads the {@code decode} section. */
  public static DecodeConfig read(Section s) {
    DecodeConfig c =
        s.check(
            () ->
                new DecodeConfig(
                    s.choice("strategy", Strategy.GREEDY, Strategy.class),
                    (int) s.integer("beamSize", 5, 1, 256),
                    (int) s.integer("maxLength", 100, 1, 100_000),
                    s.number("maxLengthRatio", 2.0, Bound.above(0), Bound.NONE),
                    (int) s.integer("maxLengthOffset", 10, 0, 100_000),
                    s.number("lengthPenalty", 0.6, Bound.atLeast(0), Bound.NONE),
                    s.choice(
                        "lengthNormalization", LengthNormalization.GNMT, LengthNormalization.class),
                    (int) s.integer("minLength", 0, 0, 100_000),
                    (int) s.integer("nBest", 1, 1, 256),
                    (int) s.integer("batchSize", 64, 1, 100_000),
                    s.number("temperature", 1.0, Bound.atLeast(0), Bound.NONE),
                    (int) s.integer("topK", 0, 0, Integer.MAX_VALUE),
                    s.number("topP", 1.0, Bound.above(0), Bound.atMost(1)),
                    s.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
                    s.bool("cache", true),
                    (int) s.integer("maxInputTokens", DEFAULT_MAX_INPUT_TOKENS, 1, 1_000_000),
                    s.choice("overlong", Overlong.ERROR, Overlong.class),
                    (int) s.integer("noRepeatNgram", 0, 0, 1000),
                    s.number("repetitionPenalty", 1.0, Bound.above(0), Bound.NONE),
                    s.number("coveragePenalty", 0.0, Bound.atLeast(0), Bound.NONE),
                    (int) s.integer("batchTokens", 0, 0, Integer.MAX_VALUE)));
    s.finish();
    if (c.nBest > c.beamSize) {
      throw s.invalid("nBest", "must be <= decode.beamSize (" + c.beamSize + "), was " + c.nBest);
    }
    return c;
  }

  /**
   * A copy searching otherwise, as one request of a server may ask: beam search of {@code beamSize}
   * when it is above 1 (else greedy), at most {@code maxLength} tokens, {@code nBest} outputs;
   * every other setting is this one's.
   */
  public DecodeConfig withSearch(int beamSize, int maxLength, int nBest) {
    return new DecodeConfig(
        beamSize > 1 ? Strategy.BEAM : Strategy.GREEDY,
        beamSize,
        maxLength,
        maxLengthRatio,
        maxLengthOffset,
        lengthPenalty,
        lengthNormalization,
        minLength,
        nBest,
        batchSize,
        temperature,
        topK,
        topP,
        seed,
        cache,
        maxInputTokens,
        overlong,
        noRepeatNgram,
        repetitionPenalty,
        coveragePenalty,
        batchTokens);
  }
}
