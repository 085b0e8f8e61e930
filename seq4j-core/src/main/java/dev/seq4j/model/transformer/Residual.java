package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import dev.seq4j.model.Dropout;

/**
 * The residual connection around a sublayer with its LayerNorm, in either placement:
 *
 * <pre>
 * post-LN (the paper):  x = LN(x + Dropout(Sublayer(x)))
 * pre-LN:               x = x + Dropout(Sublayer(LN(x)))
 * </pre>
 *
 * A layer calls {@link #input} for what the sublayer reads, then {@link #add} with its output.
 */
record Residual(boolean preNorm, double dropout) {

  /** What the sublayer reads: {@code LN(x)} pre-LN, {@code x} post-LN. */
  NDArray input(NDArray x, LayerNorm norm) {
    return preNorm ? norm.apply(x) : x;
  }

  /** The sublayer's output {@code y} added back to {@code x}, normalised post-LN. */
  NDArray add(NDArray x, NDArray y, LayerNorm norm, boolean training) {
    NDArray sum = x.add(Dropout.apply(y, dropout, training));
    return preNorm ? sum : norm.apply(sum);
  }
}
