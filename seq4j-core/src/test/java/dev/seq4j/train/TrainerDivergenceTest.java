package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Parameters;
import dev.seq4j.translate.TranslationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The divergence policy on a scripted task whose loss per step and validation figures the test
 * chooses: exploding losses, skipped shares, non-finite validation, non-finite weights at a save.
 */
class TrainerDivergenceTest {
  @TempDir Path root;
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private Trainer.TrainResult train(ScriptedTask task, String... overrides) throws IOException {
    String yaml =
        "seed: 3\ndata: {train: t, valid: v, src: s, trg: t}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 3, learningRate: 0.01}\n";
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of(overrides));
    return new Trainer(task, config, root.resolve("run"), TrainListener.NONE).fit();
  }

  private Path checkpoint(String name) {
    return root.resolve("run/checkpoints").resolve(name);
  }

  @Test
  void aHealthyScriptedRunCompletes() throws IOException {
    Trainer.TrainResult r = train(new ScriptedTask(manager, step -> 4.0 / step));
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    assertEquals(30, r.steps());
  }

  @Test
  void aFiniteButExplodingLossStopsTheRunAsDiverged() {
    ScriptedTask task = new ScriptedTask(manager, step -> step == 15 ? 1e21 : 2.0);
    TrainingException e = assertThrows(TrainingException.class, () -> train(task));
    assertEquals(
        "diverged at epoch 2, step 15: training loss 1.000e+21 is more than"
            + " train.divergenceFactor (10000.0) times the lowest so far (2.000): training"
            + " stopped; checkpoints were not overwritten (lower train.learningRate, set"
            + " train.clipNorm)",
        e.getMessage());
  }

  @Test
  void divergenceFactorZeroTurnsTheCheckOff() throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> step == 15 ? 1e21 : 2.0);
    assertEquals(TrainOutcome.COMPLETED, train(task, "train.divergenceFactor=0").outcome());
  }

  @Test
  void aNearlyPerfectFitIsMeasuredFromTheFloor() throws IOException {
    // 1e-9 then 50: 5e10 times the lowest loss, but under 1e4 times the floor of 0.01
    ScriptedTask task = new ScriptedTask(manager, step -> step == 15 ? 50 : 1e-9);
    assertEquals(TrainOutcome.COMPLETED, train(task).outcome());
  }

  @Test
  void moreThanTheSkippedShareStopsTheRunWithTheCounts() {
    ScriptedTask task =
        new ScriptedTask(manager, step -> step == 3 || step == 7 ? Double.NaN : 2.0);
    TrainingException e =
        assertThrows(TrainingException.class, () -> train(task, "train.nanPolicy=skip"));
    assertEquals(
        "2 of 20 steps skipped for a non-finite loss or gradient norm, more than"
            + " train.maxSkippedShare (0.05) allows, at epoch 2: training stopped; checkpoints"
            + " were not overwritten (lower train.learningRate, set train.clipNorm)",
        e.getMessage());
  }

  @Test
  void skippedStepsWithinTheShareAreCountedAndTheRunCompletes() throws IOException {
    ScriptedTask task =
        new ScriptedTask(manager, step -> step == 3 || step == 7 ? Double.NaN : 2.0);
    Trainer.TrainResult r = train(task, "train.nanPolicy=skip", "train.maxSkippedShare=0.1");
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    assertEquals(2L, r.figures().get("skipped_steps"));
  }

  @Test
  void aNonFiniteValidationLossStopsTheRunBeforeAnythingIsWritten() throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.validations.add(Map.of("valid_loss", 1.0, "valid_acc", 0.5));
    task.validations.add(Map.of("valid_loss", Double.NaN, "valid_acc", 0.0));
    TrainingException e = assertThrows(TrainingException.class, () -> train(task));
    assertEquals(
        "non-finite validation loss (NaN) after step 20: training stopped; checkpoints were not"
            + " overwritten (lower train.learningRate, set train.clipNorm)",
        e.getMessage());
    assertEquals(1, MetricsLog.read(root.resolve("run/metrics.csv")).size());
    assertEquals(
        "10",
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(checkpoint("last/trainer.json").toFile())
            .get("step")
            .asText());
  }

  @Test
  void validationFiguresThatAreAllNanMeanNoValidationData() throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    for (int i = 0; i < 3; i++) {
      task.validations.add(Map.of("valid_loss", Double.NaN, "valid_acc", Double.NaN));
    }
    assertEquals(TrainOutcome.COMPLETED, train(task).outcome());
  }

  @Test
  void nonFiniteWeightsAreNeverSavedAndThePreviousCheckpointStays() throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.poisonAtEvaluation = 2;
    TrainingException e = assertThrows(TrainingException.class, () -> train(task));
    assertEquals(
        "not saving checkpoint last: parameter 'w' holds 2 non-finite values (NaN or infinite) of"
            + " 4; the previous last/ stays as it was",
        e.getMessage());
    assertEquals(1, MetricsLog.read(root.resolve("run/metrics.csv")).size());
    for (String name : List.of("last", "best")) {
      CheckpointStore.verify(checkpoint(name));
      try (Parameters saved = new Parameters(manager)) {
        saved.constant("w", new Shape(4), 0f);
        saved.load(checkpoint(name).resolve(RunDirectory.WEIGHTS));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, saved.get("w").toFloatArray());
      }
    }
    try (var files = Files.list(root.resolve("run/checkpoints"))) {
      assertEquals(
          List.of("best", "last"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }
}
