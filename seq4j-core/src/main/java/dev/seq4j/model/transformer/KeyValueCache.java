package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;

/**
 * The self-attention keys and values of the t positions decoded so far, (B, h, t, d_k) each, held
 * in a buffer with room for more: a step writes its new position into the buffer in place (an
 * indexed copy of that position only) instead of concatenating the whole cache with it, and
 * attention reads views of the first t positions ({@link #keyValues}).
 *
 * <p>A cache reads as immutable: {@link #append} returns a new cache and leaves this one's t
 * positions as they were. It writes in place only when this cache is the newest of its buffer;
 * appending to an older one again (a state stepped twice) first copies its positions into a new
 * buffer, and a full buffer is copied into one twice as large.
 */
final class KeyValueCache {
  private static final int MIN_CAPACITY = 16;
  private final Buffer buffer; // null before the first position
  private final int length;
  private final int capacity; // of the first buffer

  private KeyValueCache(Buffer buffer, int length, int capacity) {
    this.buffer = buffer;
    this.length = length;
    this.capacity = capacity;
  }

  /** An empty cache whose first buffer has room for {@code capacity} positions (at least 1). */
  static KeyValueCache empty(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    return new KeyValueCache(null, 0, capacity);
  }

  /** An empty cache with room for twice the source length, at least 16 positions. */
  static KeyValueCache forSource(long srcLength) {
    return empty((int) Math.max(MIN_CAPACITY, 2 * srcLength));
  }

  /** Number of positions t. */
  int length() {
    return length;
  }

  /** These positions followed by {@code later}'s (B, h, T, d_k) each. */
  KeyValueCache append(MultiHeadAttention.KeyValues later) {
    int end = length + (int) later.length();
    Buffer b = buffer;
    if (b == null || b.written != length || end > b.capacity()) {
      b = grown(later, Math.max(capacity, 2 * end));
    }
    NDIndex at = new NDIndex().addAllDim(2).addSliceDim(length, end);
    b.keys.set(at, later.keys());
    b.values.set(at, later.values());
    b.written = end;
    return new KeyValueCache(b, end, capacity);
  }

  /** A new buffer of {@code size} positions shaped like {@code like}, holding these positions. */
  private Buffer grown(MultiHeadAttention.KeyValues like, int size) {
    Shape s = like.keys().getShape(); // (B, h, T, d_k)
    Shape shape = new Shape(s.get(0), s.get(1), size, s.get(3));
    NDManager manager = like.keys().getManager();
    Buffer b =
        new Buffer(
            manager.create(shape, like.keys().getDataType()),
            manager.create(shape, like.values().getDataType()));
    if (length > 0) {
      NDIndex first = new NDIndex().addAllDim(2).addSliceDim(0, length);
      b.keys.set(first, buffer.keys.get(first));
      b.values.set(first, buffer.values.get(first));
    }
    return b;
  }

  /** Views of the first t positions, (B, h, t, d_k) each; never written through. */
  MultiHeadAttention.KeyValues keyValues() {
    NDIndex first = new NDIndex().addAllDim(2).addSliceDim(0, length);
    return new MultiHeadAttention.KeyValues(buffer.keys.get(first), buffer.values.get(first));
  }

  /** The cache of rows {@code rows} (N), in a new buffer ({@link DecoderState#rows}). */
  KeyValueCache select(NDArray rows) {
    if (buffer == null) {
      return this;
    }
    Buffer b =
        new Buffer(DecoderState.rows(buffer.keys, rows), DecoderState.rows(buffer.values, rows));
    b.written = length;
    return new KeyValueCache(b, length, capacity);
  }

  /** Moves the buffer to {@code manager}. */
  void attach(NDManager manager) {
    if (buffer != null) {
      buffer.keys.attach(manager);
      buffer.values.attach(manager);
    }
  }

  /**
   * Keys and values (B, h, capacity, d_k), of which the first {@code written} positions are set.
   */
  private static final class Buffer {
    private final NDArray keys;
    private final NDArray values;
    private int written;

    Buffer(NDArray keys, NDArray values) {
      this.keys = keys;
      this.values = values;
    }

    long capacity() {
      return keys.getShape().get(2);
    }
  }
}
