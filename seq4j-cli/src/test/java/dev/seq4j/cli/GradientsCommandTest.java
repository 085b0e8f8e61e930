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

  /** The lstm_init column at t = 1 over t = T of a run with {@code more} options. */
  private double initialRatio(String cell, Path out, String... more) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gradients",
                "--cell",
                cell,
                "--length",
                "20",
                "--hidden",
                "8",
                "--train-steps",
                "0",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Double>> rows = MetricsLog.read(out.resolve("gradient-flow.csv"));
    return rows.get(0).get(cell + "_init") / rows.get(19).get(cell + "_init");
  }

  /**
   * A forget bias of 3 starts the gate at σ(3) = 0.95 instead of about 0.5: the gradient that
   * reaches h_1 from the loss at t = 20 grows by orders of magnitude; the Elman cell, which has no
   * gate, is left exactly as it was.
   */
  @Test
  void theForgetBiasLetsTheGatedCellsGradientThroughAndLeavesElmanAlone() throws IOException {
    for (String cell : List.of("lstm", "gru")) {
      double plain = initialRatio(cell, dir.resolve(cell + "0"));
      double biased = initialRatio(cell, dir.resolve(cell + "3"), "--forget-bias", "3");
      assertTrue(biased > 100 * plain, cell + ": " + plain + " -> " + biased);
    }
    assertEquals(
        initialRatio("elman", dir.resolve("e0")),
        initialRatio("elman", dir.resolve("e3"), "--forget-bias", "3"));
  }

  @Test
  void theCurriculumSaysHowFarItGot() {
    CliRunner.Result r =
        CliRunner.run(
            "gradients",
            "--cell",
            "gru",
            "--length",
            "8",
            "--hidden",
            "4",
            "--train-steps",
            "120",
            "--curriculum",
            "3",
            "--curriculum-loss",
            "100",
            "--log-every",
            "60",
            "--out",
            dir.toString());
    assertEquals(0, r.exit(), r.err());
    String ratio = " ratio [0-9.]+(e[-+]\\d+)?";
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l -> l.matches("gradients: gru   step 60 length 4 mean loss \\d\\.\\d{4}" + ratio)),
        r.out());
    assertTrue(
        r.out()
            .lines()
            .anyMatch(
                l ->
                    l.matches("gradients: gru   step 120 length 5 mean loss \\d\\.\\d{4}" + ratio)),
        r.out());
    assertTrue(r.out().contains(", curriculum stopped at length 5) loss "), r.out());
  }
}
