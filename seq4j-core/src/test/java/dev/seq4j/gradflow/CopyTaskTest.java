package dev.seq4j.gradflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.CellType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CopyTaskTest {

  /** The step at which each length of training sequences was first used, in order. */
  private static Map<Integer, Integer> lengthsUsed(int steps, int start, double loss) {
    Map<Integer, Integer> firstStep = new LinkedHashMap<>();
    try (NDManager manager = Engines.start().newBaseManager();
        CopyTask task = new CopyTask(manager, CellType.GRU, 3, 14, 4, 1)) {
      CopyTask.Schedule schedule = new CopyTask.Schedule(steps, 4, 1e-3, start, loss);
      task.train(schedule, new Random(1), (step, length, l) -> firstStep.putIfAbsent(length, step));
    }
    return firstStep;
  }

  /**
   * With a loss bar every window clears, the curriculum lengthens by a quarter (at least 1) after
   * each full window of {@value CopyTask#WINDOW} steps at a length, up to T = 14: 2, 3, 4 and 8,
   * 10, 12, 14 (not 15).
   */
  @Test
  void aClearedBarLengthensTheSequencesByAQuarterEveryWindowUpToT() {
    Map<Integer, Integer> fromTwo = lengthsUsed(101, 2, 100);
    assertEquals(List.of(2, 3, 4), new ArrayList<>(fromTwo.keySet()));
    assertEquals(List.of(1, 51, 101), new ArrayList<>(fromTwo.values()));
    Map<Integer, Integer> fromEight = lengthsUsed(151, 8, 100);
    assertEquals(List.of(8, 10, 12, 14), new ArrayList<>(fromEight.keySet()));
    assertEquals(List.of(1, 51, 101, 151), new ArrayList<>(fromEight.values()));
  }

  /** A bar no loss clears keeps the sequences at the starting length. */
  @Test
  void anUnclearedBarKeepsTheStartingLength() {
    assertEquals(Map.of(5, 1), lengthsUsed(60, 5, 1e-9));
  }

  @Test
  void aScheduleValidatesItself() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new CopyTask.Schedule(10, 0, 1e-3, 2, 0.1));
    assertEquals(
        "steps must be >= 0, batch >= 1, lr > 0, curriculumStart >= 1, curriculumLoss > 0",
        e.getMessage());
  }
}
