package dev.seq4j.model.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import org.junit.jupiter.api.Test;

class SinusoidalPositionalEncodingTest {

  @Test
  void positionZeroAlternatesZeroAndOne() {
    float[] pe = SinusoidalPositionalEncoding.values(3, 8);
    assertArrayEquals(new float[] {0, 1, 0, 1, 0, 1, 0, 1}, java.util.Arrays.copyOf(pe, 8));
  }

  @Test
  void valuesFollowTheFormula() {
    int d = 6;
    float[] pe = SinusoidalPositionalEncoding.values(50, d);
    // PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(…)
    assertEquals(Math.sin(7), pe[7 * d], 1e-6); // i = 0
    assertEquals(Math.cos(7), pe[7 * d + 1], 1e-6);
    assertEquals(Math.sin(49 / Math.pow(10000, 2.0 / 6)), pe[49 * d + 2], 1e-6); // i = 1
    assertEquals(Math.cos(49 / Math.pow(10000, 4.0 / 6)), pe[49 * d + 5], 1e-6); // i = 2
  }

  @Test
  void oddWidthsKeepTheLastSine() {
    float[] pe = SinusoidalPositionalEncoding.values(2, 5);
    assertEquals(Math.sin(1 / Math.pow(10000, 4.0 / 5)), pe[5 + 4], 1e-6);
  }

  @Test
  void slicesComeFromTheTableAndLengthsBeyondItAreRefused() {
    try (NDManager m = Engines.start().newBaseManager()) {
      SinusoidalPositionalEncoding pe = new SinusoidalPositionalEncoding(m, 10, 4);
      float[] rows = pe.positions(m, 3, 2).toFloatArray();
      float[] table = SinusoidalPositionalEncoding.values(10, 4);
      assertArrayEquals(java.util.Arrays.copyOfRange(table, 12, 20), rows);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> pe.positions(m, 8, 3));
      assertEquals("position 10 is beyond model.maxPositions (10)", e.getMessage());
    }
  }
}
