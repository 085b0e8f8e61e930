package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * Luong's general (bilinear) score:
 *
 * <pre>
 * score(s, h) = s · W_a h         W_a: (Hq, Hk)
 * </pre>
 */
public final class GeneralScore implements AttentionScore {
  private final NDArray wA;
  private final boolean scaled;

  /** Registers {@code NAME.W_a}. */
  public GeneralScore(Parameters params, String name, int queryDim, int keyDim, boolean scaled) {
    this.wA = params.uniform(name + ".W_a", new Shape(queryDim, keyDim), 1.0 / Math.sqrt(keyDim));
    this.scaled = scaled;
  }

  @Override
  public NDArray score(NDArray queries, NDArray keys) {
    NDArray projected = queries.matMul(wA); // (B, T, Hk)
    NDArray scores = projected.matMul(keys.transpose(0, 2, 1)); // (B, T, S)
    return scaled ? scores.div(Math.sqrt(keys.getShape().get(2))) : scores;
  }
}
