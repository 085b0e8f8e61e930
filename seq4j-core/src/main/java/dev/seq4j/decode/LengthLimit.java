package dev.seq4j.decode;

/**
 * The cap on output length: {@code min(maxLength, floor(ratio · |x|) + offset)} tokens, not
 * counting {@code <eos>}.
 */
public record LengthLimit(int maxLength, double ratio, int offset) {

  /** Validates the fields. */
  public LengthLimit {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
    }
    if (!(ratio > 0) || Double.isInfinite(ratio)) {
      throw new IllegalArgumentException("maxLengthRatio must be > 0, was " + ratio);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("maxLengthOffset must be >= 0, was " + offset);
    }
  }

  /** Only an absolute cap. */
  public static LengthLimit absolute(int maxLength) {
    return new LengthLimit(maxLength, Double.MAX_VALUE / 4, 0);
  }

  /** The cap for a source of {@code sourceLength} tokens. */
  public int forSource(int sourceLength) {
    double relative = Math.floor(ratio * sourceLength) + offset;
    return (int) Math.max(1, Math.min(maxLength, relative));
  }
}
