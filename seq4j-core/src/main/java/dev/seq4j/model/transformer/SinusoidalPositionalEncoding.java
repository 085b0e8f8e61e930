package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Fixed positional encodings (Vaswani et al. 2017, section 3.5), precomputed for {@code
 * maxPositions} positions:
 *
 * <pre>
 * PE(pos, 2i)   = sin(pos / 10000^(2i/d))
 * PE(pos, 2i+1) = cos(pos / 10000^(2i/d))
 * </pre>
 */
public final class SinusoidalPositionalEncoding {
  private final NDArray table; // (maxPositions, d), not trained
  private final int maxPositions;

  /** The table for positions 0 … maxPositions-1 of width {@code d}, owned by {@code manager}. */
  public SinusoidalPositionalEncoding(NDManager manager, int maxPositions, int d) {
    this.maxPositions = maxPositions;
    this.table = manager.create(values(maxPositions, d), new Shape(maxPositions, d));
  }

  /** The encodings as a row-major {@code (maxPositions, d)} array. */
  static float[] values(int maxPositions, int d) {
    float[] pe = new float[maxPositions * d];
    for (int pos = 0; pos < maxPositions; pos++) {
      for (int i = 0; 2 * i < d; i++) {
        double angle = pos / Math.pow(10000, 2.0 * i / d);
        pe[pos * d + 2 * i] = (float) Math.sin(angle);
        if (2 * i + 1 < d) {
          pe[pos * d + 2 * i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return pe;
  }

  /**
   * The encodings of positions {@code offset … offset+length-1}, (length, d), owned by {@code
   * manager}.
   */
  public NDArray positions(NDManager manager, int offset, int length) {
    if (offset + length > maxPositions) {
      throw new IllegalArgumentException(
          "position "
              + (offset + length - 1)
              + " is beyond model.maxPositions ("
              + maxPositions
              + ")");
    }
    NDArray rows = table.get(new NDIndex("{}:{}", offset, offset + length));
    rows.attach(manager); // the slice would otherwise live as long as the table
    return rows;
  }
}
