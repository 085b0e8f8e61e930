package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.seq4j.data.synthetic.ReverseTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The tiny translators the CLI tests train: the reverse task, through {@code seq4j train}. */
final class TinyRun {
  private TinyRun() {}

  /**
   * Writes {@code trainPairs} and {@code validPairs} reverse-task pairs, 2 to {@code symbols}
   * symbols long over an alphabet of 6 ({@code ReverseTask(2, symbols, 6)}), under {@code
   * dir/data}, trains the experiment {@code name} with the extra data keys {@code dataKeys} (may be
   * empty), {@code model} and {@code train} (the contents of YAML flow maps) into {@code dir/run},
   * asserts that it succeeded and returns the run directory.
   */
  static Path train(
      Path dir,
      String name,
      int symbols,
      int trainPairs,
      int validPairs,
      String dataKeys,
      String model,
      String train)
      throws IOException {
    Path data = dir.resolve("data");
    new ReverseTask(2, symbols, 6)
        .writeSplits(data, List.of("train", "valid"), List.of(trainPairs, validPairs), 1);
    Path config =
        Files.writeString(
            dir.resolve("exp.yaml"),
            "name: "
                + name
                + "\ndata: {train: "
                + data.resolve("train")
                + ", valid: "
                + data.resolve("valid")
                + ", src: src, trg: trg"
                + (dataKeys.isEmpty() ? "" : ", " + dataKeys)
                + "}\nmodel: {"
                + model
                + "}\ntrain: {"
                + train
                + "}\n");
    Path run = dir.resolve("run");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());
    return run;
  }
}
