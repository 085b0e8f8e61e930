package dev.seq4j.config;

/**
 * How to translate. The output cap is {@code min(maxLength, maxLengthRatio · |x| +
 * maxLengthOffset)} tokens.
 */
public record DecodeConfig(
    Strategy strategy,
    int beamSize,
    int maxLength,
    double maxLengthRatio,
    int maxLengthOffset,
    double lengthPenalty,
    int batchSize) {

  /** Decoding strategies. */
  public enum Strategy {
    GREEDY,
    BEAM,
    SAMPLE
  }

  static DecodeConfig read(Section s) {
    DecodeConfig c =
        new DecodeConfig(
            s.choice("strategy", Strategy.GREEDY, Strategy.class),
            (int) s.integer("beamSize", 5, 1, 256),
            (int) s.integer("maxLength", 100, 1, 100_000),
            s.number("maxLengthRatio", 2.0, Bound.above(0), Bound.NONE),
            (int) s.integer("maxLengthOffset", 10, 0, 100_000),
            s.number("lengthPenalty", 0.0, Bound.atLeast(0), Bound.NONE),
            (int) s.integer("batchSize", 64, 1, 100_000));
    s.finish();
    return c;
  }
}
