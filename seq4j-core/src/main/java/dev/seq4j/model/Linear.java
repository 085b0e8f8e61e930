package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * An affine map on the last axis.
 *
 * <pre>
 * y = x · W + b      x: (..., in)   W: (in, out)   b: (out)
 * </pre>
 *
 * Initialised like PyTorch's {@code nn.Linear}: uniform in ±1/√in.
 */
public final class Linear {
  private final NDArray weight;
  private final NDArray bias;

  /**
   * Registers {@code NAME.weight} and (if {@code withBias}) {@code NAME.bias} in {@code params}.
   */
  public Linear(Parameters params, String name, int in, int out, boolean withBias) {
    double bound = 1.0 / Math.sqrt(in);
    this.weight = params.uniform(name + ".weight", new Shape(in, out), bound);
    this.bias = withBias ? params.uniform(name + ".bias", new Shape(out), bound) : null;
  }

  /** Applies the map to {@code x} of shape (..., in), giving (..., out). */
  public NDArray apply(NDArray x) {
    NDArray y = x.matMul(weight);
    return bias == null ? y : y.add(bias);
  }
}
