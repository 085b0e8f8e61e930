package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/** A lookup table from token ids to vectors: {@code (B, T) int64 → (B, T, E)}. */
public final class Embedding {
  private final NDArray weight;

  /** Registers {@code NAME.weight} of shape (V, E), drawn from N(0, 1) as in PyTorch. */
  public Embedding(Parameters params, String name, int vocabularySize, int dimension) {
    this.weight = params.normal(name + ".weight", new Shape(vocabularySize, dimension));
  }

  /** Registers {@code NAME.weight} of shape (V, E), drawn from N(0, std²). */
  public Embedding(Parameters params, String name, int vocabularySize, int dimension, double std) {
    this.weight = params.normal(name + ".weight", new Shape(vocabularySize, dimension), std);
  }

  /**
   * The output projection tied to this table (Press and Wolf 2017): {@code x · Wᵀ}, {@code (..., E)
   * → (..., V)}.
   */
  public NDArray project(NDArray x) {
    NDArray transposed = weight.transpose(); // (E, V)
    transposed.attach(x.getManager()); // a view of a parameter: let it die with the batch
    return x.matMul(transposed);
  }

  /** Looks up {@code ids} (any shape, int64) and returns {@code ids.shape + (E)}. */
  public NDArray lookup(NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, weight, SparseFormat.DENSE).singletonOrThrow();
  }
}
