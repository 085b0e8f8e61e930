package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An affine map on the last axis.
 *
 * <pre>
 * y = x · W + b      x: (..., in)   W: (in, out)   b: (out)
 * </pre>
 *
 * Initialised like PyTorch's {@code nn.Linear}: uniform in ±1/√in. {@link #concat} makes one map
 * that computes two maps of the same input in one product.
 */
public final class Linear {
  private final NDArray weight;
  private final NDArray bias;
  private final boolean copy; // weights concatenated by concat, registered nowhere

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
    this.copy = false;
  }

  private Linear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
    this.copy = true;
  }

  /**
   * The two maps of the same input as one, for decoding:
   *
   * <pre>
   * x ↦ [x · W_1 + b_1 | x · W_2 + b_2]      W = [W_1 | W_2]: (in, out_1 + out_2)
   * </pre>
   *
   * Its weights are a copy, owned by {@code manager} and registered nowhere: they do not follow
   * later changes of the two maps (a training step, a load), so make it again for each decoding
   * call. Both maps have a bias or neither has.
   */
  public static Linear concat(NDManager manager, Linear first, Linear second) {
    if ((first.bias == null) != (second.bias == null)) {
      throw new IllegalArgumentException("concat needs two maps with a bias or two without");
    }
    NDArray w = NDArrays.concat(new NDList(first.weight, second.weight), 1); // (in, out_1 + out_2)
    w.attach(manager); // a result belongs to its first operand's manager: the parameters'
    NDArray b = null;
    if (first.bias != null) {
      b = NDArrays.concat(new NDList(first.bias, second.bias), 0); // (out_1 + out_2)
      b.attach(manager);
    }
    return new Linear(w, b);
  }

  /**
   * Moves the weights of a map made by {@link #concat} to {@code manager}.
   *
   * @throws IllegalStateException for a map of registered parameters, which stay in their registry
   */
  public void attach(NDManager manager) {
    if (!copy) {
      throw new IllegalStateException("a map of registered parameters stays with its registry");
    }
    weight.attach(manager);
    if (bias != null) {
      bias.attach(manager);
    }
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
