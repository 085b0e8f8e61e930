package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;

/**
 * Attention over encoder states:
 *
 * <pre>
 * scores  = score(query, keys)                      (B, T, S)
 * weights = maskedSoftmax(scores, mask)             padded positions get exactly 0
 * context = weights · values                        (B, T, Hk)
 * </pre>
 */
public final class Attention {
  private static final float MASKED = -1e9f;
  private final AttentionScore score;

  /** Attention with the score function {@code score}. */
  public Attention(AttentionScore score) {
    this.score = score;
  }

  /**
   * Attends over {@code keys} (also the values) with {@code mask} (B, S) true at real positions.
   */
  public Result attend(NDArray queries, NDArray keys, NDArray mask) {
    return attend(queries, keys, mask, null);
  }

  /**
   * Like {@link #attend(NDArray, NDArray, NDArray)} with {@code bias} (broadcastable to (B, T, S),
   * or null) added to the scores before the softmax, e.g. a {@link LocationTerm}.
   */
  public Result attend(NDArray queries, NDArray keys, NDArray mask, NDArray bias) {
    NDArray scores = score.score(queries, keys); // (B, T, S)
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray weights = maskedSoftmax(scores, mask); // (B, T, S)
    NDArray context = weights.matMul(keys); // (B, T, Hk)
    return new Result(context, weights);
  }

  /**
   * Softmax over the last axis of {@code scores} (B, T, S) where {@code mask} (B, S) is true;
   * masked positions get exactly 0, and a row with every position masked is all zeros (never NaN).
   */
  public static NDArray maskedSoftmax(NDArray scores, NDArray mask) {
    NDArray keep = mask.expandDims(1).broadcast(scores.getShape()); // (B, T, S)
    NDArray filled = NDArrays.where(keep, scores, scores.zerosLike().add(MASKED));
    return filled.softmax(2).mul(keep.toType(DataType.FLOAT32, false));
  }

  /** The context vectors (B, T, Hk) and the attention weights (B, T, S). */
  public record Result(NDArray context, NDArray weights) {}
}
