package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.io.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq4j runs} on run directories made by hand, one per status. */
class RunsCommandTest {
  @TempDir Path root;

  private Path run(String dir, String config, String csv) throws IOException {
    Path d = Files.createDirectories(root.resolve(dir));
    Files.writeString(d.resolve("config.yaml"), config);
    Files.writeString(d.resolve("metrics.csv"), csv);
    Files.createDirectories(d.resolve("checkpoints/last"));
    Files.writeString(d.resolve("checkpoints/last/config.yaml"), config);
    return d;
  }

  private static final String CSV =
      "epoch,step,train_loss,valid_loss,valid_bleu,seconds\n"
          + "1.0,10,3.0,2.5,10.5,60.0\n"
          + "2.0,20,2.0,2.0,17.25,125.0\n"
          + "3.0,30,1.5,2.1,16.0,190.0\n";

  private void fixtures() throws IOException {
    Path done =
        run(
            "lstm",
            "name: m30k-lstm\nmodel: {type: rnn, cell: lstm}\ntrain: {metric: bleu}\n",
            CSV);
    Files.writeString(
        done.resolve("metrics.json"),
        "{\"outcome\": \"completed\", \"epochs\": 3, \"parameters\": 1234567, \"seconds\": 190.5,"
            + " \"metric\": \"bleu\", \"best_metric\": 17.25}");
    Path names =
        run(
            "names",
            "name: names-gru\ntask: classify\nmodel: {type: charrnn, cell: gru}\n"
                + "train: {metric: accuracy}\n",
            "epoch,valid_loss,valid_acc,seconds\n1.0,0.9,0.71,12.0\n");
    Files.writeString(
        names.resolve("metrics.json"),
        "{\"outcome\": \"early-stopped\", \"parameters\": 9000, \"seconds\": 12.0}");
    Files.writeString(names.resolve("test.json"), "{\"accuracy\": 0.8123, \"macro_f1\": 0.7}");
    run("cut", "name: cut\nmodel: {type: transformer}\n", CSV.substring(0, CSV.indexOf("2.0,20")));
    Path bad = run("nan", "name: nan\nmodel: {type: transformer}\n", "epoch,valid_loss\n");
    Files.writeString(
        bad.resolve("train.log"), "seq4j: error: training diverged: diverged at epoch 1, step 7\n");
  }

  @Test
  void theTableListsEveryRunWithItsStatus() throws IOException {
    fixtures();
    try (RunLock held = RunLock.acquire(Files.createDirectories(root.resolve("live")))) {
      run("live", "name: live\nmodel: {type: rnn, cell: gru}\n", CSV);
      CliRunner.Result r = CliRunner.run("runs", root.toString(), "--sort", "name");
      assertEquals(0, r.exit(), r.err());
      String p = root.toString();
      // columns are aligned with spaces: compare the cells
      String[] lines = r.out().split("\n");
      assertEquals(6, lines.length, r.out());
      assertEquals(
          "run name task model params epochs best test time status",
          lines[0].replaceAll("\\s+", " "));
      assertEquals(
          p + "/cut cut translate transformer - 1.00 loss=2.5000 - 1:00 interrupted",
          lines[1].replaceAll("\\s+", " "));
      assertEquals(
          p + "/live live translate rnn/gru - 3.00 loss=2.0000 - 3:10 running",
          lines[2].replaceAll("\\s+", " "));
      assertEquals(
          p + "/lstm m30k-lstm translate rnn/lstm 1,234,567 3.00 bleu=17.2500 - 3:11 completed",
          lines[3].replaceAll("\\s+", " "));
      assertEquals(
          p
              + "/names names-gru classify charrnn/gru 9,000 1.00 accuracy=0.7100"
              + " accuracy=0.8123 macro_f1=0.7000 0:12 completed",
          lines[4].replaceAll("\\s+", " "));
      assertEquals(
          p + "/nan nan translate transformer - - - - - diverged",
          lines[5].replaceAll("\\s+", " "));
      int status = lines[0].indexOf("status");
      for (String line : lines) {
        assertTrue(line.length() > status, "columns are aligned: " + line);
      }
    }
  }

  @Test
  void sortingByTimePutsTheShortestFirstAndUnknownTimesLast() throws IOException {
    fixtures();
    CliRunner.Result r = CliRunner.run("runs", root.toString(), "--sort", "time");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().split("\n");
    assertTrue(lines[1].contains("/names "), r.out());
    assertTrue(lines[4].contains("/nan "), r.out());
    CliRunner.Result bad = CliRunner.run("runs", root.toString(), "--sort", "speed");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().startsWith("seq4j: error: --sort must be one of [run, name,"), bad.err());
  }

  @Test
  void compareDrawsOneCurvePerRun() throws IOException {
    fixtures();
    Path chart = root.resolve("bleu.png");
    CliRunner.Result r =
        CliRunner.run(
            "runs",
            "compare",
            root.resolve("lstm").toString(),
            root.resolve("cut").toString(),
            "--metric",
            "valid_bleu",
            "--out",
            chart.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.size(chart) > 1000);
    r =
        CliRunner.run(
            "runs",
            "compare",
            root.resolve("names").toString(),
            "--metric",
            "valid_bleu",
            "--out",
            chart.toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: "
            + root.resolve("names/metrics.csv")
            + ": no column 'valid_bleu' (has epoch, valid_loss, valid_acc, seconds)\n",
        r.err());
  }
}
