package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;

/**
 * Layer normalisation over the last axis (Ba et al. 2016), libtorch's fused kernel:
 *
 * <pre>
 * LN(x) = γ ⊙ (x - mean(x)) / √(var(x) + ε) + β        ε = 1e-5, γ = 1, β = 0 at start
 * </pre>
 */
public final class LayerNorm {
  private static final float EPS = 1e-5f;
  private final NDArray gamma;
  private final NDArray beta;
  private final Shape normalized;

  /** Registers {@code NAME.gamma} and {@code NAME.beta} of width {@code d}. */
  public LayerNorm(Parameters params, String name, int d) {
    this.gamma = params.constant(name + ".gamma", new Shape(d), 1f);
    this.beta = params.constant(name + ".beta", new Shape(d), 0f);
    this.normalized = new Shape(d);
  }

  /** Normalises {@code x} (..., d). */
  public NDArray apply(NDArray x) {
    return x.getNDArrayInternal().layerNorm(x, normalized, gamma, beta, EPS).singletonOrThrow();
  }
}
