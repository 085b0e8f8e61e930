package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/** Gradient helpers. */
public final class Gradients {
  private Gradients() {}

  /** Sets every gradient to exactly 0 (NaN and Inf included). */
  public static void zero(Collection<NDArray> params) {
    for (NDArray p : params) {
      try (NDArray g = p.getGradient()) {
        g.set(new NDIndex("..."), 0);
      }
    }
  }
}
