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

  /** Looks up {@code ids} (any shape, int64) and returns {@code ids.shape + (E)}. */
  public NDArray lookup(NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, weight, SparseFormat.DENSE).singletonOrThrow();
  }
}
