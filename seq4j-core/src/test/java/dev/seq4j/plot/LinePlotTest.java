package dev.seq4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinePlotTest {
  @Test
  void wholeEpochAxisHasWholeTicks() {
    // 20 epochs: 2.5 would be the nicest step, but epoch 2.5 does not exist
    assertEquals(List.of(5.0, 10.0, 15.0, 20.0), LinePlot.Ticks.of(1, 20, 8, true));
    assertEquals(
        List.of(2.5, 5.0, 7.5, 10.0, 12.5, 15.0, 17.5, 20.0), LinePlot.Ticks.of(1, 20, 8, false));
    // 3 epochs: a step of 0.25 would be chosen for a continuous axis
    assertEquals(List.of(1.0, 2.0, 3.0), LinePlot.Ticks.of(1, 3, 8, true));
    assertEquals(9, LinePlot.Ticks.of(1, 3, 8, false).size());
  }

  @Test
  void wholeEpochAxisKeepsRoundStepsWhenLong() {
    assertEquals(
        List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0, 140.0),
        LinePlot.Ticks.of(0, 140, 8, true));
  }

  @Test
  void labelsDropTrailingZeros() {
    assertEquals("5", LinePlot.Ticks.label(5.0));
    assertEquals("2.5", LinePlot.Ticks.label(2.5));
    assertEquals("0.25", LinePlot.Ticks.label(0.25));
  }
}
