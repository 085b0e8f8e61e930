package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.train.MetricsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientsCommandTest {
  @TempDir Path dir;

  @Test
  void writesOneCurvePerCellAndStageAndPrintsTheRatios() throws IOException {
    CliRunner.Result r =
        CliRunner.run(
            "gradients",
            "--length",
            "6",
            "--hidden",
            "4",
            "--train-steps",
            "2",
            "--out",
            dir.toString());
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Double>> rows = MetricsLog.read(dir.resolve("gradient-flow.csv"));
    assertEquals(6, rows.size());
    assertEquals(
        List.of(
            "t",
            "lstm_init",
            "lstm_trained",
            "gru_init",
            "gru_trained",
            "elman_init",
            "elman_trained"),
        new ArrayList<>(rows.get(0).keySet()));
    for (Map<String, Double> row : rows) {
      row.values().forEach(v -> assertTrue(v > 0, row.toString()));
    }
    assertEquals(4, r.out().lines().count(), r.out());
    assertTrue(r.out().contains("gradients: elman T=6 ratio "), r.out());
    assertTrue(Files.size(dir.resolve("gradient-flow.png")) > 1000);
  }
}
