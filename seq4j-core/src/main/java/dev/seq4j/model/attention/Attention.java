package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.seq4j.model.DecoderState;

/**
 * Attention over encoder states:
 *
 * <pre>
 * scores  = score(query, keys)                      (B, T, S)
 * weights = maskedSoftmax(scores, mask)             padded positions get exactly 0
 * context = weights · values                        (B, T, Hk)
 * </pre>
 *
 * A decoder that attends over the same keys at every step wraps them once per sentence with {@link
 * #keys}, so that what the score computes from the keys alone is computed once (the same numbers).
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
    return attend(queries, keys(keys), mask, bias);
  }

  /**
   * Like {@link #attend(NDArray, NDArray, NDArray, NDArray)} over keys wrapped by {@link #keys}.
   */
  public Result attend(NDArray queries, Keys keys, NDArray mask, NDArray bias) {
    NDArray scores = score.score(queries, keys.keys(), keys.projected()); // (B, T, S)
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray weights = maskedSoftmax(scores, mask); // (B, T, S)
    NDArray context = weights.matMul(keys.keys()); // (B, T, Hk)
    return new Result(context, weights);
  }

  /** {@code keys} (B, S, Hk) with the score's {@link AttentionScore#projectKeys} of them. */
  public Keys keys(NDArray keys) {
    return new Keys(keys, score.projectKeys(keys));
  }

  /**
   * Keys (B, S, Hk), also the values, and what the score computes from them alone (B, S, ·), or
   * null when it computes nothing ({@link AttentionScore#projectKeys}).
   */
  public record Keys(NDArray keys, NDArray projected) {

    /** Rows {@code rows} (N) of both, owned by the manager of rows ({@link DecoderState#rows}). */
    public Keys select(NDArray rows) {
      return new Keys(DecoderState.rows(keys, rows), DecoderState.rows(projected, rows));
    }

    /** Moves both to {@code manager}. */
    public void attach(NDManager manager) {
      keys.attach(manager);
      if (projected != null) {
        projected.attach(manager);
      }
    }
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
