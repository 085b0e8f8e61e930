package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.train.CheckpointStore;
import dev.seq4j.train.MetricsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seq4j gradients --trained RUN} on a tiny GRU translator trained here. */
class TrainedGradientsTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir.resolve("gru"),
            "tiny",
            5,
            100,
            20,
            "",
            "type: rnn, cell: gru, embedding: 8, hidden: 16, attention: general",
            "epochs: 1, batchSize: 32, learningRate: 0.01");
  }

  private static CliRunner.Result gradients(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("gradients", "--trained", run.toString()));
    args.addAll(List.of(more));
    args.addAll(List.of("--out", out.toString()));
    return CliRunner.run(args.toArray(String[]::new));
  }

  /**
   * The 20 validation pairs are 2 to 5 symbols long (TinyRun's ReverseTask(2, 5, 6)): 5 positions,
   * 20 sentences at the first two.
   */
  @Test
  void onTheRunsValidationSetOneRowPerSourcePosition() throws IOException {
    Path out = dir.resolve("valid");
    CliRunner.Result r = gradients(out);
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Double>> rows = MetricsLog.read(out.resolve("gradient-flow.csv"));
    assertEquals(List.of("t", "gru_trained", "sentences"), new ArrayList<>(rows.get(0).keySet()));
    assertEquals(5, rows.size());
    assertEquals(20.0, rows.get(0).get("sentences"));
    assertEquals(20.0, rows.get(1).get("sentences")); // no pair is shorter than 2
    for (int t = 0; t < rows.size(); t++) {
      assertEquals(t + 1.0, rows.get(t).get("t"));
      assertTrue(rows.get(t).get("gru_trained") > 0, rows.get(t).toString());
      if (t > 0) {
        assertTrue(rows.get(t).get("sentences") <= rows.get(t - 1).get("sentences"));
      }
    }
    assertTrue(
        r.out()
            .contains(
                "gru encoder layer 1 of 1 (forward direction), attention general;"
                    + " 20 sentences of the validation set "),
        r.out());
    assertTrue(r.out().contains("with its references, 2 to 5 tokens"), r.out());
    assertTrue(r.out().contains("||dL/dh_1|| / ||dL/dh_S|| (S each sentence's length): median "));
    assertTrue(Files.size(out.resolve("gradient-flow.png")) > 1000);
  }

  /** Random sequences of --length source tokens: every position has all --sentences of them. */
  @Test
  void onRandomSequencesEveryPositionHasEverySentence() throws IOException {
    Path out = dir.resolve("random");
    CliRunner.Result r = gradients(out, "--random", "--length", "9", "--sentences", "5");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Double>> rows = MetricsLog.read(out.resolve("gradient-flow.csv"));
    assertEquals(9, rows.size());
    rows.forEach(row -> assertEquals(5.0, row.get("sentences")));
    assertTrue(
        r.out().contains("5 random sequences of 9 source tokens, the model's own translations"),
        r.out());
  }

  /** Given sentences without references: the model's own translations are the targets. */
  @Test
  void onGivenSentencesWithoutReferences() throws IOException {
    Path src = Files.writeString(dir.resolve("src.txt"), "a b c\n\nd e a b c d e\n");
    Path out = dir.resolve("given");
    CliRunner.Result r = gradients(out, "--src", src.toString());
    assertEquals(0, r.exit(), r.err());
    List<Map<String, Double>> rows = MetricsLog.read(out.resolve("gradient-flow.csv"));
    assertEquals(7, rows.size()); // the empty line is skipped
    assertEquals(2.0, rows.get(2).get("sentences"));
    assertEquals(1.0, rows.get(3).get("sentences"));
    assertTrue(r.out().contains("2 sentences of the --src " + src + ", the model's own"), r.out());
  }

  /** A run whose validation files are gone (or relative to elsewhere): one line that says so. */
  @Test
  void aValidationSetThatCannotBeReadNamesTheWayOut() throws IOException {
    Path copy = dir.resolve("moved");
    Path checkpoint = run.resolve("checkpoints").resolve("last");
    Path config = checkpoint.resolve("config.yaml");
    Files.createDirectories(copy);
    try (var files = Files.list(checkpoint)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    String yaml = Files.readString(config);
    String valid =
        yaml.lines().filter(l -> l.trim().startsWith("valid:")).findFirst().orElseThrow();
    Files.writeString(
        copy.resolve("config.yaml"), yaml.replace(valid, "  valid: \"nowhere/valid\""));
    Files.deleteIfExists(copy.resolve(CheckpointStore.MANIFEST)); // the config no longer matches it
    CliRunner.Result r =
        CliRunner.run(
            "gradients", "--trained", copy.toString(), "--out", dir.resolve("m").toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --trained "
            + copy
            + ": cannot read the run's validation set (no such file: nowhere/valid.src (nor"
            + " nowhere/valid.src.gz); a relative data.valid counts from where training ran): run"
            + " from there, or give --src FILE [--ref FILE] or --random\n",
        r.err());
  }

  @Test
  void aLayerTheEncoderHasNotIsAnError() {
    CliRunner.Result r = gradients(dir.resolve("l2"), "--layer", "2");
    assertEquals(2, r.exit());
    assertEquals("seq4j: error: --layer must be 1 to 1 (the encoder's layers), was 2\n", r.err());
  }

  @Test
  void copyTaskOptionsAreRefusedWithTrainedAndTheOtherWayRound() {
    CliRunner.Result r = gradients(dir.resolve("x"), "--hidden", "8", "--forget-bias", "1");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --hidden, --forget-bias: not with --trained (the model comes from the"
            + " run)\n",
        r.err());
    CliRunner.Result s =
        CliRunner.run("gradients", "--layer", "2", "--out", dir.resolve("y").toString());
    assertEquals(2, s.exit());
    assertEquals("seq4j: error: --layer: only with --trained RUN\n", s.err());
    CliRunner.Result c = gradients(dir.resolve("z"), "--cell", "lstm");
    assertEquals(2, c.exit());
    assertEquals("seq4j: error: --cell: the model in " + run + " has gru cells\n", c.err());
  }

  @Test
  void aTransformerRunIsAClearError() throws IOException {
    Path transformer =
        TinyRun.train(
            dir.resolve("transformer"),
            "tiny-transformer",
            5,
            40,
            5,
            "",
            "type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 1, decoderLayers: 1",
            "epochs: 1, batchSize: 32");
    CliRunner.Result r =
        CliRunner.run(
            "gradients", "--trained", transformer.toString(), "--out", dir.resolve("t").toString());
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --trained "
            + transformer
            + ": a transformer model; seq4j gradients measures the encoder of a recurrent model"
            + " (model.type: rnn)\n",
        r.err());
  }
}
