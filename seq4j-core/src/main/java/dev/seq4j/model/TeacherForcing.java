package dev.seq4j.model;

import java.util.Random;

/**
 * How often a training decoder reads the reference token rather than its own previous prediction
 * (Williams and Zipser 1989; the ratio of Bengio et al. 2015's scheduled sampling).
 *
 * @param ratio probability that a step reads the reference (1: always, as the Transformer must)
 * @param random draws the per-row choices; unused (and may be null) when the ratio is 1
 */
public record TeacherForcing(double ratio, Random random) {
  /** Every step reads the reference: the whole target can be fed at once. */
  public static final TeacherForcing ALWAYS = new TeacherForcing(1, null);

  /** Validates the ratio. */
  public TeacherForcing {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("teacher forcing ratio must be in [0, 1], was " + ratio);
    }
    if (ratio < 1 && random == null) {
      throw new IllegalArgumentException("a teacher forcing ratio below 1 needs a random source");
    }
  }

  /** Whether every step reads the reference. */
  public boolean always() {
    return ratio >= 1;
  }
}
