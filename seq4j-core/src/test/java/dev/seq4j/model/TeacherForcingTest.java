package dev.seq4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TeacherForcingTest {

  @Test
  void onlyARatioOfOneIsAlways() {
    assertTrue(TeacherForcing.ALWAYS.always());
    assertFalse(new TeacherForcing(0.5, new Random(1)).always());
  }

  @Test
  void ratiosOutsideTheUnitIntervalOrWithoutRandomnessAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TeacherForcing(1.5, new Random()));
    assertEquals("teacher forcing ratio must be in [0, 1], was 1.5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new TeacherForcing(0.5, null));
    assertEquals("a teacher forcing ratio below 1 needs a random source", e.getMessage());
  }
}
