package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.engine.Engines;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutTest {
  @Test
  void outsideTrainingOrAtZeroTheInputIsReturned() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray x = m.ones(new Shape(3));
      assertSame(x, Dropout.apply(x, 0.5, false));
      assertSame(x, Dropout.apply(x, 0, true));
    }
  }

  @Test
  void aboutPOfTheElementsAreZeroAndTheRestScaledBy1OverOneMinusP() {
    int n = 200_000;
    float[] mask = Dropout.mask(n, 0.1, 42);
    long zeros = 0;
    for (float v : mask) {
      if (v == 0f) {
        zeros++;
      } else {
        assertEquals((float) (1 / 0.9), v, 0f);
      }
    }
    // binomial(200000, 0.1): standard deviation 134; 5 of them either side
    assertEquals(20_000, zeros, 670);
    // the mean is preserved: E[m] = 1
    double mean = 0;
    for (float v : mask) {
      mean += v;
    }
    assertEquals(1.0, mean / n, 0.01);
  }

  @Test
  void masksAreAFunctionOfTheKeyAndDifferBetweenKeys() {
    assertArrayEquals(Dropout.mask(1000, 0.3, 7), Dropout.mask(1000, 0.3, 7), 0f);
    assertFalse(Arrays.equals(Dropout.mask(1000, 0.3, 7), Dropout.mask(1000, 0.3, 8)));
    // neighbouring elements are not correlated: runs of the same choice are short
    float[] m = Dropout.mask(100_000, 0.5, 3);
    int longest = 0;
    int run = 0;
    for (int i = 1; i < m.length; i++) {
      run = (m[i] == 0) == (m[i - 1] == 0) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    assertTrue(longest < 40, "longest run " + longest);
  }

  @Test
  void seedingRepeatsTheSequenceOfMasksAndTheGradientIsTheMask() {
    try (NDManager m = Engines.start().newBaseManager()) {
      NDArray x = m.arange(1f, 101f);
      Dropout.seed(11);
      float[] first = Dropout.apply(x, 0.25, true).toFloatArray();
      float[] second = Dropout.apply(x, 0.25, true).toFloatArray();
      Dropout.seed(11);
      assertArrayEquals(first, Dropout.apply(x, 0.25, true).toFloatArray(), 0f);
      assertFalse(Arrays.equals(first, second), "each call draws a new mask");
      NDArray p = m.arange(1f, 101f);
      p.setRequiresGradient(true);
      Dropout.seed(11);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(Dropout.apply(p, 0.25, true).sum());
      }
      float[] g = p.getGradient().toFloatArray();
      for (int i = 0; i < 100; i++) {
        assertEquals(first[i] == 0 ? 0f : 1 / 0.75f, g[i], 1e-6f, "element " + i);
        assertEquals(first[i] == 0 ? 0f : (i + 1) / 0.75f, first[i], 1e-4f);
      }
    }
  }
}
