package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import org.junit.jupiter.api.Test;

/** The affine map against hand computations, and two maps joined into one product. */
class LinearTest {

  private static void set(Parameters p, String name, float... values) {
    NDArray a = p.get(name);
    a.setRequiresGradient(false);
    a.set(values);
    a.setRequiresGradient(true);
  }

  /** a: 2 → 1, W = [1; 2], b = 0.5; c: 2 → 2, W = [[3, 0], [0, -1]], b = [1, -1]. */
  private static Linear[] maps(Parameters p) {
    Linear a = new Linear(p, "a", 2, 1, true);
    Linear c = new Linear(p, "c", 2, 2, true);
    set(p, "a.weight", 1, 2);
    set(p, "a.bias", 0.5f);
    set(p, "c.weight", 3, 0, 0, -1);
    set(p, "c.bias", 1, -1);
    return new Linear[] {a, c};
  }

  @Test
  void concatComputesBothMapsInOneProduct() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Linear[] maps = maps(new Parameters(m));
      NDArray x = m.create(new float[] {1, 1, 2, -1}, new Shape(2, 2));
      assertArrayEquals(new float[] {3.5f, 0.5f}, maps[0].apply(x).toFloatArray(), 0f);
      assertArrayEquals(new float[] {4, -2, 7, 0}, maps[1].apply(x).toFloatArray(), 0f);
      NDArray both = Linear.concat(m, maps[0], maps[1]).apply(x); // (2, 3)
      assertEquals(new Shape(2, 3), both.getShape());
      assertArrayEquals(new float[] {3.5f, 4, -2, 0.5f, 7, 0}, both.toFloatArray(), 0f);
    }
  }

  @Test
  void concatCopiesTheWeightsAndOnlyItsCopiesMove() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters p = new Parameters(m);
      Linear[] maps = maps(p);
      Linear joined = Linear.concat(m, maps[0], maps[1]);
      set(p, "a.weight", 10, 20); // a training step or a load after the copy was made
      NDArray x = m.create(new float[] {1, 1}, new Shape(1, 2));
      assertArrayEquals(new float[] {3.5f, 4, -2}, joined.apply(x).toFloatArray(), 0f);
      assertArrayEquals(
          new float[] {30.5f, 4, -2}, Linear.concat(m, maps[0], maps[1]).apply(x).toFloatArray());
      try (NDManager other = m.newSubManager()) {
        joined.attach(other);
      }
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> maps[0].attach(m));
      assertEquals("a map of registered parameters stays with its registry", e.getMessage());
      Linear noBias = new Linear(p, "n", 2, 1, false);
      IllegalArgumentException mixed =
          assertThrows(IllegalArgumentException.class, () -> Linear.concat(m, noBias, maps[0]));
      assertEquals("concat needs two maps with a bias or two without", mixed.getMessage());
    }
  }
}
