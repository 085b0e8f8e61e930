package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/** Gradient helpers. */
public final class Gradients {
  private Gradients() {}

  /** Sets every gradient to exactly 0 (NaN and Inf included). */
  public static void zero(Collection<NDArray> params) {
    for (NDArray p : params) {
      // the scalar that set() creates belongs to g's manager: keep both in a scope
      try (NDManager scope = p.getManager().newSubManager()) {
        NDArray g = p.getGradient();
        g.attach(scope);
        g.set(new NDIndex("..."), 0);
      }
    }
  }
}
