package dev.seq4j.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The preallocated cache against concatenation, and its reads-as-immutable contract. */
class KeyValueCacheTest {
  private static final Shape ONE = new Shape(2, 3, 1, 4); // (B, h, 1, d_k)

  private static MultiHeadAttention.KeyValues position(NDManager m) {
    return new MultiHeadAttention.KeyValues(m.randomNormal(ONE), m.randomNormal(ONE));
  }

  /** What the cache replaces: both concatenated along the sequence axis. */
  private static MultiHeadAttention.KeyValues concat(
      MultiHeadAttention.KeyValues a, MultiHeadAttention.KeyValues b) {
    return new MultiHeadAttention.KeyValues(
        NDArrays.concat(new NDList(a.keys(), b.keys()), 2),
        NDArrays.concat(new NDList(a.values(), b.values()), 2));
  }

  @Test
  void appendingEqualsConcatenationAlsoPastTheFirstCapacity() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(1);
      KeyValueCache cache = KeyValueCache.empty(2);
      MultiHeadAttention.KeyValues concatenated = null;
      for (int t = 0; t < 7; t++) { // the buffer grows at 3 (to 6) and at 7 (to 14)
        MultiHeadAttention.KeyValues next = position(m);
        cache = cache.append(next);
        concatenated = concatenated == null ? next : concat(concatenated, next);
        MultiHeadAttention.KeyValues read = cache.keyValues();
        assertEquals(new Shape(2, 3, t + 1, 4), read.keys().getShape());
        assertEquals(t + 1, cache.length());
        assertArrayEquals(concatenated.keys().toFloatArray(), read.keys().toFloatArray(), 0f);
        assertArrayEquals(concatenated.values().toFloatArray(), read.values().toFloatArray(), 0f);
      }
    }
  }

  /** Writing through a view shows which caches share a buffer (nothing else ever writes so). */
  @Test
  void appendsWriteIntoOneBufferAndAnOlderCacheAppendedAgainGetsItsOwn() {
    try (NDManager m = Engines.start().newBaseManager()) {
      KeyValueCache first = KeyValueCache.forSource(5).append(position(m));
      KeyValueCache second = first.append(position(m));
      NDIndex origin = new NDIndex("0, 0, 0, 0");
      second.keyValues().keys().set(origin, 42f);
      assertEquals(42f, first.keyValues().keys().get(origin).getFloat(), "one buffer, in place");
      MultiHeadAttention.KeyValues branch = position(m);
      KeyValueCache other = first.append(branch); // first stepped a second time
      assertArrayEquals(
          branch.keys().toFloatArray(),
          other.keyValues().keys().get(new NDIndex(":, :, 1:2")).toFloatArray(),
          0f);
      assertEquals(42f, other.keyValues().keys().get(origin).getFloat(), "copied, not lost");
      float kept = second.keyValues().keys().get(new NDIndex("1, 2, 1, 3")).getFloat();
      other.keyValues().keys().set(origin, -1f);
      assertEquals(42f, second.keyValues().keys().get(origin).getFloat(), "a new buffer");
      assertEquals(kept, second.keyValues().keys().get(new NDIndex("1, 2, 1, 3")).getFloat());
    }
  }

  @Test
  void selectedRowsAreCopiedAndStillAppendable() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Engine.getInstance().setRandomSeed(2);
      List<MultiHeadAttention.KeyValues> steps = new ArrayList<>();
      KeyValueCache cache = KeyValueCache.empty(4);
      for (int t = 0; t < 2; t++) {
        steps.add(position(m));
        cache = cache.append(steps.get(t));
      }
      NDArray rows = m.create(new long[] {1, 1, 0});
      KeyValueCache picked = cache.select(rows);
      MultiHeadAttention.KeyValues next =
          new MultiHeadAttention.KeyValues(
              m.randomNormal(new Shape(3, 3, 1, 4)), m.randomNormal(new Shape(3, 3, 1, 4)));
      picked = picked.append(next);
      cache = cache.append(position(m)); // the original goes on in its own buffer
      NDArray expected =
          concat(steps.get(0), steps.get(1)).keys().get(new NDIndex("{}", rows)); // (3, h, 2, d_k)
      NDArray read = picked.keyValues().keys();
      assertEquals(new Shape(3, 3, 3, 4), read.getShape());
      assertArrayEquals(
          expected.toFloatArray(), read.get(new NDIndex(":, :, 0:2")).toFloatArray(), 0f);
      assertArrayEquals(
          next.keys().toFloatArray(), read.get(new NDIndex(":, :, 2:3")).toFloatArray(), 0f);
      assertEquals(3, cache.length());
    }
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KeyValueCache.empty(0));
    assertEquals("capacity must be >= 1, was 0", e.getMessage());
  }
}
