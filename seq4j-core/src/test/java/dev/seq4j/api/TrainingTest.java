package dev.seq4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training from a YAML file through the API, and what its listener hears. */
class TrainingTest {
  @Test
  void theListenerHearsEveryStepAndEvaluation() {
    TinyModels.Trained t = TinyModels.translation();
    TrainingResult r = t.result();
    assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
    assertEquals(2, r.epochs());
    assertEquals("loss", r.metric());
    assertTrue(r.bestMetric() > 0 && Double.isFinite(r.bestMetric()), "" + r.bestMetric());
    // 300 pairs in batches of 32 or fewer: at least 10 steps an epoch
    assertEquals(r.steps(), t.steps().size());
    assertTrue(r.steps() >= 20, "steps " + r.steps());
    int[] last = t.steps().get(t.steps().size() - 1);
    assertEquals(2, last[0], "epochs count from 1");
    assertEquals(last[2], last[1], "the last step is the last batch");
    assertEquals(2, t.rows().size(), "one evaluation an epoch");
    for (Map<String, Object> row : t.rows()) {
      assertTrue(row.containsKey("valid_loss"), row.toString());
    }
    assertTrue(Files.isDirectory(r.runDir().resolve("checkpoints/best")));
    assertEquals(Map.of(), r.test());
  }

  @Test
  void aRunDirectoryIsNotTrainedOver() {
    TinyModels.Trained t = TinyModels.translation();
    assertThrows(
        IllegalArgumentException.class,
        () -> Training.train(t.config(), List.of(), t.result().runDir(), TrainingListener.NONE));
  }
}
