package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop on a tiny reversal task: outputs of a run, resume parity, NaN handling. */
class TrainerTest {
  @TempDir Path root;
  private Path data;

  @BeforeEach
  void writeData() throws IOException {
    data = root.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(300, 40), 5);
  }

  private TranslationConfig config(String... overrides) {
    return configWithModel("{type: rnn, cell: gru, embedding: 8, hidden: 16}", overrides);
  }

  private TranslationConfig configWithModel(String model, String... overrides) {
    String yaml =
        "seed: 3\n"
            + "data: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg}\n"
            + "model: "
            + model
            + "\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n";
    return TranslationConfig.parse(yaml, "t.yaml", List.of(overrides));
  }

  @Test
  void aRunWritesConfigMetricsPlotsAndCheckpoints() throws IOException {
    Path run = root.resolve("run");
    Trainer.TrainResult r = TranslationExperiment.run(config(), TrainingRun.in(run));
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    assertEquals(2, r.epochs());
    for (String f :
        List.of(
            "config.yaml",
            "metrics.csv",
            "metrics.json",
            "plots/loss.png",
            "plots/accuracy.png",
            "checkpoints/best/model.safetensors",
            "checkpoints/last/trainer.json",
            "checkpoints/last/optimizer.state",
            "checkpoints/best/src.vocab")) {
      assertTrue(Files.isRegularFile(run.resolve(f)), f);
    }
    Map<?, ?> summary =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(run.resolve("metrics.json").toFile(), Map.class);
    assertEquals("completed", summary.get("outcome"));
    List<Map<String, Double>> rows = MetricsLog.read(run.resolve("metrics.csv"));
    assertEquals(2, rows.size());
    assertTrue(rows.get(1).get("valid_loss") < rows.get(0).get("train_loss"), rows.toString());
    IllegalArgumentException again =
        assertThrows(
            IllegalArgumentException.class,
            () -> TranslationExperiment.run(config(), TrainingRun.in(run)));
    assertEquals(
        run + " already holds a training run: use --resume to continue it, or another --out",
        again.getMessage());
  }

  @Test
  void resumingGivesTheSameResultAsAnUninterruptedRun() throws IOException {
    Path straight = root.resolve("straight");
    TranslationExperiment.run(config(), TrainingRun.in(straight));
    Path split = root.resolve("split");
    TranslationExperiment.run(config("train.epochs=1"), TrainingRun.in(split));
    TranslationExperiment.run(config(), TrainingRun.in(split).resuming(true));

    List<Map<String, Double>> a = MetricsLog.read(straight.resolve("metrics.csv"));
    List<Map<String, Double>> b = MetricsLog.read(split.resolve("metrics.csv"));
    assertEquals(a.get(1).get("train_loss"), b.get(1).get("train_loss"));
    assertEquals(a.get(1).get("valid_loss"), b.get(1).get("valid_loss"));
    try (TranslationBundle x = TranslationBundle.load(straight.resolve("checkpoints/last"));
        TranslationBundle y = TranslationBundle.load(split.resolve("checkpoints/last"))) {
      for (String name : x.model().parameters().asMap().keySet()) {
        assertArrayEquals(
            x.model().parameters().get(name).toFloatArray(),
            y.model().parameters().get(name).toFloatArray(),
            name);
      }
    }
  }

  @Test
  void nonFiniteLossAbortsWithoutTouchingCheckpoints() throws IOException {
    Path run = root.resolve("nan");
    TranslationExperiment.run(config("train.epochs=1"), TrainingRun.in(run));
    byte[] before = Files.readAllBytes(run.resolve("checkpoints/last/model.safetensors"));
    TrainingException e =
        assertThrows(
            TrainingException.class,
            () ->
                TranslationExperiment.run(
                    config("train.learningRate=1e38"), TrainingRun.in(run).resuming(true)));
    assertTrue(e.getMessage().startsWith("non-finite "), e.getMessage());
    assertTrue(e.getMessage().contains("at epoch 2"), e.getMessage());
    assertArrayEquals(
        before, Files.readAllBytes(run.resolve("checkpoints/last/model.safetensors")));
  }

  @Test
  void skippingNonFiniteStepsAtAHugeLearningRateStopsAndSavesNothingNonFinite() throws IOException {
    // issue 22: this ran to "completed" and saved infinite weights in last/ and best/
    Path run = root.resolve("skip");
    TranslationExperiment.run(config("train.epochs=1"), TrainingRun.in(run));
    byte[] last = Files.readAllBytes(run.resolve("checkpoints/last/model.safetensors"));
    byte[] best = Files.readAllBytes(run.resolve("checkpoints/best/model.safetensors"));
    TrainingException e =
        assertThrows(
            TrainingException.class,
            () ->
                TranslationExperiment.run(
                    config(
                        "train.epochs=4",
                        "train.learningRate=1e38",
                        "train.clipNorm=0",
                        "train.nanPolicy=skip"),
                    TrainingRun.in(run).resuming(true)));
    assertEquals(
        "9 of 20 steps skipped for a non-finite loss or gradient norm, more than"
            + " train.maxSkippedShare (0.05) allows, at epoch 2: training stopped; checkpoints"
            + " were not overwritten (lower train.learningRate, set train.clipNorm)",
        e.getMessage());
    assertArrayEquals(last, Files.readAllBytes(run.resolve("checkpoints/last/model.safetensors")));
    assertArrayEquals(best, Files.readAllBytes(run.resolve("checkpoints/best/model.safetensors")));
  }

  @Test
  void stopRequestSavesLastAndReportsInterrupted() throws IOException {
    Path run = root.resolve("stop");
    Trainer.TrainResult r =
        TranslationExperiment.run(
            config("train.epochs=50"), TrainingRun.in(run).withTrainer(Trainer::requestStop));
    assertEquals(TrainOutcome.INTERRUPTED, r.outcome());
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/last/MANIFEST.sha256")));
  }

  @Test
  void earlyStoppingAfterPatienceEvaluationsWithoutImprovement() throws IOException {
    Path run = root.resolve("early");
    // a learning rate so small that validation accuracy cannot improve after the first evaluation
    Trainer.TrainResult r =
        TranslationExperiment.run(
            config(
                "train.epochs=20",
                "train.learningRate=1e-12",
                "train.patience=2",
                "train.metric=accuracy"),
            TrainingRun.in(run));
    assertEquals(TrainOutcome.EARLY_STOPPED, r.outcome());
    assertEquals(3, r.epochs());
    assertEquals(3, MetricsLog.read(run.resolve("metrics.csv")).size());
  }

  @Test
  void teacherForcingBelowOneStillTrains() throws IOException {
    Path run = root.resolve("tf");
    Trainer.TrainResult r =
        TranslationExperiment.run(config("train.teacherForcing=0.5"), TrainingRun.in(run));
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    List<Map<String, Double>> rows = MetricsLog.read(run.resolve("metrics.csv"));
    assertTrue(rows.get(1).get("train_loss") < rows.get(0).get("train_loss"), rows.toString());
  }

  @Test
  void maxStepsStopsAfterThatManyUpdates() throws IOException {
    Path run = root.resolve("steps");
    Trainer.TrainResult r =
        TranslationExperiment.run(config("train.maxSteps=3"), TrainingRun.in(run));
    assertEquals(TrainOutcome.MAX_STEPS, r.outcome());
    assertEquals(3, r.steps());
    assertEquals(1, MetricsLog.read(run.resolve("metrics.csv")).size());
  }

  @Test
  void timeLimitStopsTheRunAndEvaluatesThePartialEpoch() throws IOException {
    Path run = root.resolve("time");
    Trainer.TrainResult r =
        TranslationExperiment.run(
            config("train.epochs=50", "train.timeLimitMinutes=0.00001"), TrainingRun.in(run));
    assertEquals(TrainOutcome.TIME_LIMIT, r.outcome());
    assertTrue(r.steps() < 10, "steps " + r.steps()); // 0.6 ms: less than one epoch of 10 steps
    assertEquals(1, MetricsLog.read(run.resolve("metrics.csv")).size());
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/best/model.safetensors")));
  }

  @Test
  void aTransformerTrainsResumesAndReloads() throws IOException {
    String model =
        "{type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 1, decoderLayers: 1,"
            + " tie: all}";
    String[] transformer = {
      "data.sharedVocabulary=true",
      "train.schedule=inverse-sqrt",
      "train.warmupSteps=5",
      "train.learningRate=0.005",
      "train.adamBeta2=0.98"
    };
    Path straight = root.resolve("t-straight");
    Trainer.TrainResult r =
        TranslationExperiment.run(configWithModel(model, transformer), TrainingRun.in(straight));
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    List<Map<String, Double>> rows = MetricsLog.read(straight.resolve("metrics.csv"));
    assertTrue(rows.get(1).get("valid_loss") < rows.get(0).get("valid_loss"), rows.toString());
    assertEquals(0.005 * Math.sqrt(5.0 / r.steps()), rows.get(1).get("learning_rate"), 1e-6);

    Path split = root.resolve("t-split");
    String[] oneEpoch = java.util.Arrays.copyOf(transformer, transformer.length + 1);
    oneEpoch[transformer.length] = "train.epochs=1";
    TranslationExperiment.run(configWithModel(model, oneEpoch), TrainingRun.in(split));
    TranslationExperiment.run(
        configWithModel(model, transformer), TrainingRun.in(split).resuming(true));
    assertEquals(
        rows.get(1).get("valid_loss"),
        MetricsLog.read(split.resolve("metrics.csv")).get(1).get("valid_loss"));
    try (TranslationBundle b = TranslationBundle.load(straight)) {
      assertEquals(b.srcVocabulary().tokens(), b.trgVocabulary().tokens());
      List<String> out =
          new dev.seq4j.translate.Translator(b, b.config().decode())
              .translate(List.of("a b c", ""));
      assertEquals(2, out.size());
      assertEquals("", out.get(1));
    }
  }

  @Test
  void bpeIsLearnedSavedAndAppliedAtTranslation() throws IOException {
    String[] words = {"hundehaus", "katzenhaus", "hundefutter", "katzenfutter", "haus", "futter"};
    java.util.Random random = new java.util.Random(1);
    StringBuilder src = new StringBuilder();
    StringBuilder trg = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      String a = words[random.nextInt(words.length)];
      String b = words[random.nextInt(words.length)];
      src.append(a).append(' ').append(b).append('\n');
      trg.append(b).append(' ').append(a).append('\n');
    }
    Path corpus = root.resolve("words");
    Files.writeString(root.resolve("words.src"), src);
    Files.writeString(root.resolve("words.trg"), trg);
    Path run = root.resolve("bpe");
    TranslationExperiment.run(
        config("data.train=" + corpus, "data.valid=" + corpus, "data.bpeMerges=12"),
        TrainingRun.in(run));
    try (TranslationBundle b = TranslationBundle.load(run)) {
      assertTrue(Files.isRegularFile(run.resolve("checkpoints/best/src.bpe")));
      assertTrue(b.srcVocabulary().tokens().stream().anyMatch(t -> t.endsWith("@@")));
      List<String> pieces = b.srcTokenizer().tokenize("hundehaus");
      assertTrue(pieces.size() > 1 && pieces.size() < 9, pieces.toString()); // merged, not whole
      assertEquals("hundehaus", String.join("", pieces).replace("@@", ""));
      for (String out :
          new dev.seq4j.translate.Translator(b, b.config().decode())
              .translate(List.of("hundehaus katzenfutter", "haus haus"))) {
        assertTrue(!out.contains("@@"), out);
      }
    }
  }
}
