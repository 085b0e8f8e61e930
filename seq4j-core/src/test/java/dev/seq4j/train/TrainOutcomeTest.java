package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The labels users see in metrics.json and on the CLI's {@code train: outcome=…} line. */
class TrainOutcomeTest {

  @Test
  void labelsAreTheStringsUsersSee() {
    assertEquals(
        List.of("completed", "interrupted", "early-stopped", "max-steps", "time-limit"),
        Arrays.stream(TrainOutcome.values()).map(TrainOutcome::label).toList());
  }

  @Test
  void toStringIsTheLabel() {
    for (TrainOutcome o : TrainOutcome.values()) {
      assertEquals(o.label(), o.toString());
      assertEquals("outcome=" + o.label(), String.format("outcome=%s", o));
    }
  }
}
