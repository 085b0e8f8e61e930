package dev.seq4j.model;

import ai.djl.ndarray.NDArray;

/**
 * Inverted dropout: in training, zero each element with probability p and scale the rest by
 * 1/(1-p).
 */
public final class Dropout {
  private Dropout() {}

  /** {@code x} unchanged when not training or {@code p} is 0. */
  public static NDArray apply(NDArray x, double p, boolean training) {
    if (!training || p == 0) {
      return x;
    }
    return x.getNDArrayInternal().dropout(x, (float) p, true).singletonOrThrow();
  }
}
