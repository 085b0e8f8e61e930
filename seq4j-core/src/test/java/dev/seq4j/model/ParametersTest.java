package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ParametersTest {
  @Test
  void saveLoadRoundTripAndShapeMismatch() throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters a = new Parameters(m);
      a.uniform("w", new Shape(2, 3), 0.5);
      a.normal("e", new Shape(4, 2));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      a.save(out);
      Parameters b = new Parameters(m);
      b.uniform("w", new Shape(2, 3), 0.5);
      b.normal("e", new Shape(4, 2));
      b.load(new ByteArrayInputStream(out.toByteArray()), "p.bin");
      assertArrayEquals(a.get("w").toFloatArray(), b.get("w").toFloatArray());
      assertArrayEquals(a.get("e").toFloatArray(), b.get("e").toFloatArray());
      assertEquals(14, b.count());

      Parameters c = new Parameters(m);
      c.uniform("w", new Shape(3, 3), 0.5);
      c.normal("e", new Shape(4, 2));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> c.load(new ByteArrayInputStream(out.toByteArray()), "p.bin"));
      assertEquals(
          "p.bin: parameter 'w' has shape (2, 3), the model expects (3, 3)", e.getMessage());
    }
  }

  @Test
  void nonFiniteValuesAreRefusedNamingTheFileAndTheParameterAndNothingIsAssigned()
      throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters a = new Parameters(m);
      a.constant("w", new Shape(2, 3), 0.25f);
      NDArray e = a.constant("e", new Shape(4), 1f);
      e.setRequiresGradient(false);
      e.set(new NDIndex("1:3"), Float.NaN);
      e.set(new NDIndex("3"), Float.POSITIVE_INFINITY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      a.save(out);
      Parameters b = new Parameters(m);
      b.constant("w", new Shape(2, 3), 0f);
      b.constant("e", new Shape(4), 0f);
      IllegalArgumentException x =
          assertThrows(
              IllegalArgumentException.class,
              () -> b.load(new ByteArrayInputStream(out.toByteArray()), "model.params"));
      assertEquals(
          "model.params: parameter 'e' holds 3 non-finite values (NaN or infinite) of 4; refusing"
              + " to load it",
          x.getMessage());
      assertArrayEquals(new float[6], b.get("w").toFloatArray(), "nothing was assigned");
    }
  }

  @Test
  void uniformInitialisationStaysInRange() {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters p = new Parameters(m);
      p.normal("x", new Shape(100, 100));
      p.reinitializeUniform(0.08);
      float[] v = p.get("x").toFloatArray();
      float max = 0;
      for (float f : v) {
        assertEquals(true, Math.abs(f) <= 0.08f, "value " + f);
        max = Math.max(max, Math.abs(f));
      }
      assertEquals(true, max > 0.079f, "10,000 uniform draws reach the edge of the range");
    }
  }
}
