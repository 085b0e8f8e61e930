package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;

/**
 * Luong's dot score, optionally scaled (Vaswani et al.):
 *
 * <pre>
 * score(s, h) = s · h        (or s · h / √d when scaled)
 * </pre>
 */
public final class DotScore implements AttentionScore {
  private final boolean scaled;

  /** A dot score; {@code scaled} divides by √d. */
  public DotScore(boolean scaled) {
    this.scaled = scaled;
  }

  @Override
  public NDArray score(NDArray queries, NDArray keys) {
    NDArray scores = queries.matMul(keys.transpose(0, 2, 1)); // (B, T, S)
    return scaled ? scores.div(Math.sqrt(keys.getShape().get(2))) : scores;
  }
}
