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
    this(params, name, in, out, 1.0 / Math.sqrt(in), withBias ? 1.0 / Math.sqrt(in) : -1);
  }

  private Linear(
      Parameters params, String name, int in, int out, double weightBound, double biasBound) {
    this.weight = params.uniform(name + ".weight", new Shape(in, out), weightBound);
    this.bias = biasBound < 0 ? null : params.uniform(name + ".bias", new Shape(out), biasBound);
  }

  /**
   * A map with Xavier/Glorot-uniform weights, ±√(6 / (in + out)), as {@code torch.nn.Transformer}
   * initialises its matrices, and a bias uniform in ±{@code biasBound} (0: zeros).
   */
  public static Linear xavier(Parameters params, String name, int in, int out, double biasBound) {
    return uniform(params, name, in, out, Math.sqrt(6.0 / (in + out)), biasBound);
  }

  /** A map with weights uniform in ±{@code weightBound} and a bias in ±{@code biasBound}. */
  public static Linear uniform(
      Parameters params, String name, int in, int out, double weightBound, double biasBound) {
    return new Linear(params, name, in, out, weightBound, biasBound);
  }

  /**
   * Applies the map to {@code x} of shape (..., in), giving (..., out). With a bias this is
   * libtorch's {@code linear}, which adds the bias inside the matrix product ({@code addmm})
   * instead of in a second pass over the output.
   */
  public NDArray apply(NDArray x) {
    if (bias == null) {
      return x.matMul(weight);
    }
    NDArray transposed = weight.transpose(); // (out, in), a view: linear computes x · (Wᵀ)ᵀ
    transposed.attach(x.getManager()); // a view of a parameter: let it die with the batch
    return x.getNDArrayInternal().linear(x, transposed, bias).singletonOrThrow();
  }
}
