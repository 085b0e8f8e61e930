package dev.seq4j.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Masks of padded batches, built on the native side (DJL's {@code sequenceMask} is missing). */
public final class Masks {
  private Masks() {}

  /**
   * {@code arange(T) < lengths[:, None]}: (B, T) boolean, true at the real positions of each row
   * (padding sits at the end of every row).
   */
  public static NDArray lengthMask(NDManager manager, int[] lengths, int steps) {
    NDArray positions = manager.arange(steps).reshape(1, steps); // (1, T)
    NDArray l = manager.create(lengths).reshape(new Shape(lengths.length, 1)); // (B, 1)
    return positions.lt(l);
  }
}
