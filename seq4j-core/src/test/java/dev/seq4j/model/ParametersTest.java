package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.engine.Engines;
import dev.seq4j.io.SafeTensors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersTest {
  @TempDir Path dir;

  private Path saved(Parameters p, String name) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      p.save(out);
    }
    return file;
  }

  @Test
  void saveLoadRoundTripAndShapeMismatch() throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters a = new Parameters(m);
      a.uniform("w", new Shape(2, 3), 0.5);
      a.normal("e", new Shape(4, 2));
      Path file = saved(a, "p.safetensors");
      Parameters b = new Parameters(m);
      b.uniform("w", new Shape(2, 3), 0.5);
      b.normal("e", new Shape(4, 2));
      b.load(file);
      assertArrayEquals(a.get("w").toFloatArray(), b.get("w").toFloatArray());
      assertArrayEquals(a.get("e").toFloatArray(), b.get("e").toFloatArray());
      assertEquals(14, b.count());

      Parameters c = new Parameters(m);
      c.uniform("w", new Shape(3, 3), 0.5);
      c.normal("e", new Shape(4, 2));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.load(file));
      assertEquals(
          file + ": parameter 'w' has shape (2, 3), the model expects (3, 3)", e.getMessage());
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
      Path file = saved(a, "model.safetensors");
      Parameters b = new Parameters(m);
      b.constant("w", new Shape(2, 3), 0f);
      b.constant("e", new Shape(4), 0f);
      IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> b.load(file));
      assertEquals(
          file
              + ": parameter 'e' holds 3 non-finite values (NaN or infinite) of 4; refusing"
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

  @Test
  void theFileIsSafetensorsWithOneF32TensorPerParameterInCreationOrder() throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      Parameters a = new Parameters(m);
      a.constant("decoder.out.bias", new Shape(3), 0.5f);
      a.constant("encoder.embedding", new Shape(2, 2), -1f);
      Map<String, SafeTensors.Tensor> t = SafeTensors.read(saved(a, "m.safetensors"));
      assertEquals(List.of("decoder.out.bias", "encoder.embedding"), List.copyOf(t.keySet()));
      assertArrayEquals(new long[] {2, 2}, t.get("encoder.embedding").shape());
      assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, t.get("decoder.out.bias").floats());
    }
  }

  @Test
  void weightsOfTheOldFormatStillLoad() throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      // what Parameters.save wrote before safetensors: DJL's NDList encoding, arrays named
      NDArray w = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
      w.setName("w");
      Path legacy = Files.write(dir.resolve("model.params"), new NDList(w).encode());
      Parameters b = new Parameters(m);
      b.constant("w", new Shape(2, 3), 0f);
      b.load(legacy);
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, b.get("w").toFloatArray());
    }
  }

  @Test
  void aTensorOfAnotherTypeIsRefusedByName() throws IOException {
    try (NDManager m = Engines.start().newBaseManager()) {
      Path f = dir.resolve("half.safetensors");
      try (OutputStream out = Files.newOutputStream(f)) {
        SafeTensors.write(
            out,
            Map.of(
                "w",
                new SafeTensors.Tensor(
                    SafeTensors.DType.F16, new long[] {2}, java.nio.ByteBuffer.allocate(4))),
            Map.of());
      }
      Parameters b = new Parameters(m);
      b.constant("w", new Shape(2), 0f);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.load(f));
      assertEquals(f + ": parameter 'w' is F16; seq4j weights are F32", e.getMessage());
    }
  }
}
