package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;

/**
 * How well each key matches each query: queries (B, T, Hq), keys (B, S, Hk) → scores (B, T, S).
 *
 * <p>A score with a part that depends on the keys alone (the additive score's {@code W_h h})
 * returns it from {@link #projectKeys}; {@link Attention#keys} computes it once per sentence and
 * every decoding step passes it back to {@link #score(NDArray, NDArray, NDArray)}.
 */
public interface AttentionScore {

  /** The unnormalised scores. */
  NDArray score(NDArray queries, NDArray keys);

  /**
   * What the score computes from {@code keys} (B, S, Hk) alone, per key: (B, S, ·); null (the
   * default) when there is no such part.
   */
  default NDArray projectKeys(NDArray keys) {
    return null;
  }

  /**
   * The same scores as {@link #score(NDArray, NDArray)}, reading {@code projected}, the result of
   * {@link #projectKeys} on these keys computed earlier, instead of computing it again.
   */
  default NDArray score(NDArray queries, NDArray keys, NDArray projected) {
    return score(queries, keys);
  }
}
