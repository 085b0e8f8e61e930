package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;

/** How well each key matches each query: queries (B, T, Hq), keys (B, S, Hk) → scores (B, T, S). */
public interface AttentionScore {

  /** The unnormalised scores. */
  NDArray score(NDArray queries, NDArray keys);
}
