package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.data.synthetic.ReverseTask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq4j train --quiet / --log-level}: what reaches the terminal and train.log. */
class TrainLogCliTest {
  @TempDir Path dir;

  private Path writeConfig() throws IOException {
    Path data = dir.resolve("data");
    new ReverseTask(2, 5, 6).writeSplits(data, List.of("train", "valid"), List.of(120, 20), 1);
    Path config = dir.resolve("exp.yaml");
    Files.writeString(
        config,
        "name: tiny\n"
            + "data: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01, sampleEvery: 4}\n");
    return config;
  }

  /** Runs the command line with System.err captured; returns its result and the captured text. */
  private static String[] trainCapturingStderr(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    CliRunner.Result r;
    try {
      r = CliRunner.run(args);
    } finally {
      System.setErr(saved);
    }
    return new String[] {
      String.valueOf(r.exit()), r.out(), r.err(), err.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void quietPrintsOnlyTheSummaryWhileTrainLogHasEverything() throws IOException {
    Path run = dir.resolve("run");
    String[] r =
        trainCapturingStderr(
            "train", "--config", writeConfig().toString(), "--out", run.toString(), "--quiet");
    assertEquals("0", r[0], r[2] + r[3]);
    assertEquals("", r[2]);
    assertEquals("", r[3]);
    assertEquals(1, r[1].lines().count(), r[1]);
    assertTrue(r[1].startsWith("train: outcome=completed epochs=2 steps=8 "), r[1]);
    String log = Files.readString(run.resolve("train.log"));
    assertTrue(log.contains("epoch 1.0: train loss "), log);
    assertTrue(log.contains("epoch 2.0: train loss "), log);
    assertTrue(log.contains("  reference: "), log);
    assertTrue(log.endsWith(r[1]), log);
    assertTrue(Files.notExists(run.resolve("steps.jsonl"))); // 8 steps, logEvery 50
  }

  @Test
  void withoutQuietTheConsoleShowsProgressAndEvaluations() throws IOException {
    Path run = dir.resolve("run");
    String[] r =
        trainCapturingStderr(
            "train",
            "--config",
            writeConfig().toString(),
            "--out",
            run.toString(),
            "--set",
            "train.logEvery=1");
    assertEquals("0", r[0], r[2] + r[3]);
    assertTrue(r[3].contains("epoch 2.0: train loss "), r[3]);
    assertTrue(r[3].contains("ETA epoch "), r[3]);
    assertTrue(r[3].contains("  output:    "), r[3]);
    assertEquals(8, Files.readAllLines(run.resolve("steps.jsonl")).size());
  }

  @Test
  void anUnknownLogLevelIsAnError() throws IOException {
    String[] r =
        trainCapturingStderr(
            "train",
            "--config",
            writeConfig().toString(),
            "--out",
            dir.resolve("x").toString(),
            "--log-level",
            "loud");
    assertEquals("2", r[0]);
    assertEquals(
        "seq4j: error: --log-level must be one of error, warn, info, debug, trace, was 'loud'\n",
        r[2]);
  }
}
