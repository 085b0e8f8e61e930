package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepOptionsTest {

  @Test
  void defaultIsCachedWithTheLastLayerAndTheMeanOfHeads() {
    assertEquals(new StepOptions(true, -1, -1), StepOptions.DEFAULT);
    assertFalse(StepOptions.DEFAULT.choosesAttention());
    assertEquals(new StepOptions(false, -1, -1), StepOptions.cached(false));
  }

  @Test
  void anAttentionViewKeepsTheCacheSetting() {
    StepOptions o = StepOptions.cached(false).withAttentionView(1, -1);
    assertEquals(new StepOptions(false, 1, -1), o);
    assertTrue(o.choosesAttention());
    assertTrue(StepOptions.DEFAULT.withAttentionView(-1, 0).choosesAttention());
  }

  @Test
  void negativeChoicesBelowMinusOneAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new StepOptions(true, -2, -1));
    assertEquals("attention layer must be >= -1, was -2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new StepOptions(true, -1, -3));
    assertEquals("attention head must be >= -1, was -3", e.getMessage());
  }
}
