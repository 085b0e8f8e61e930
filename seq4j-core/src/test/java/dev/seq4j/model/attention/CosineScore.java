package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * A toy fifth score, defined only in the test sources to show that a new score needs its class and
 * one enum constant ({@link ToyScores}) and no change to main code:
 *
 * <pre>
 * score(s, h) = cos(W_q s, h) = (W_q s) · h / (|W_q s| |h| + ε)      W_q: (Hq, Hk)
 * </pre>
 */
final class CosineScore implements AttentionScore {
  private final NDArray wQ;

  /** Registers {@code NAME.W_q}. */
  CosineScore(Parameters params, String name, int queryDim, int keyDim) {
    this.wQ = params.uniform(name + ".W_q", new Shape(queryDim, keyDim), 1.0 / Math.sqrt(keyDim));
  }

  @Override
  public NDArray score(NDArray queries, NDArray keys) {
    NDArray q = queries.matMul(wQ); // (B, T, Hk)
    NDArray qNorm = q.norm(new int[] {2}, true); // (B, T, 1)
    NDArray kNorm = keys.norm(new int[] {2}, true).transpose(0, 2, 1); // (B, 1, S)
    NDArray dots = q.matMul(keys.transpose(0, 2, 1)); // (B, T, S)
    return dots.div(qNorm.mul(kNorm).add(1e-6f));
  }
}
