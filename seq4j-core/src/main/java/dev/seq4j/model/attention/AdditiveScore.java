package dev.seq4j.model.attention;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * Bahdanau's additive score:
 *
 * <pre>
 * score(s, h) = v · tanh(W_s s + W_h h)      W_s: (Hq, A), W_h: (Hk, A), v: (A)
 * </pre>
 *
 * {@code W_h h} depends only on the keys: {@link #projectKeys} computes it, {@link Attention#keys}
 * once per sentence, and each decoding step reads it ({@link #score(NDArray, NDArray, NDArray)}).
 */
public final class AdditiveScore implements AttentionScore {
  private final NDArray wS;
  private final NDArray wH;
  private final NDArray v;

  /** Registers {@code NAME.W_s}, {@code NAME.W_h} and {@code NAME.v}. */
  public AdditiveScore(Parameters params, String name, int queryDim, int keyDim, int attentionDim) {
    this.wS =
        params.uniform(name + ".W_s", new Shape(queryDim, attentionDim), 1.0 / Math.sqrt(queryDim));
    this.wH =
        params.uniform(name + ".W_h", new Shape(keyDim, attentionDim), 1.0 / Math.sqrt(keyDim));
    this.v = params.uniform(name + ".v", new Shape(attentionDim), 1.0 / Math.sqrt(attentionDim));
  }

  /** W_h h for every key: (B, S, Hk) → (B, S, A). */
  @Override
  public NDArray projectKeys(NDArray keys) {
    return keys.matMul(wH);
  }

  @Override
  public NDArray score(NDArray queries, NDArray keys) {
    return score(queries, keys, projectKeys(keys));
  }

  /** The scores from {@code projected} = W_h h (B, S, A), computed once per sentence. */
  @Override
  public NDArray score(NDArray queries, NDArray keys, NDArray projected) {
    NDArray ws = queries.matMul(wS).expandDims(2); // (B, T, 1, A)
    NDArray wh = projected.expandDims(1); // (B, 1, S, A)
    return ws.add(wh).tanh().matMul(v); // (B, T, S)
  }
}
