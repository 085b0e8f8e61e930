package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Index helpers for padded batches (padding at the end of each row). */
public final class Sequences {
  private Sequences() {}

  /**
   * Reverses each row of {@code x} (B, T, F) within its true length; padding stays in place. The
   * operation is its own inverse.
   */
  public static NDArray reverseWithin(NDArray x, int[] lengths) {
    Shape shape = x.getShape();
    int batch = (int) shape.get(0);
    int steps = (int) shape.get(1);
    NDArray index = reversalIndex(x.getManager(), lengths, steps).reshape(batch, steps, 1);
    return x.gather(index.broadcast(shape), 1);
  }

  /** Reverses each row of token ids {@code ids} (B, T) within its true length. */
  public static NDArray reverseIdsWithin(NDArray ids, int[] lengths) {
    int steps = (int) ids.getShape().get(1);
    NDArray index = reversalIndex(ids.getManager(), lengths, steps);
    return ids.gather(index, 1);
  }

  /**
   * The gather index (B, T) int64 that reverses each row within its length: {@code lengths[b] - 1 -
   * t} inside it, {@code t} in the padding.
   */
  static NDArray reversalIndex(NDManager manager, int[] lengths, int steps) {
    long[] index = new long[lengths.length * steps];
    for (int b = 0; b < lengths.length; b++) {
      for (int t = 0; t < steps; t++) {
        index[b * steps + t] = t < lengths[b] ? lengths[b] - 1 - t : t;
      }
    }
    return manager.create(index, new Shape(lengths.length, steps));
  }
}
