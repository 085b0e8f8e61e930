package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.io.DiskFull;
import dev.seq4j.translate.TranslationConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults during training (issue 22): a full disk at a checkpoint, resuming after a row was written
 * but its checkpoint was not, and batches that run out of memory.
 */
class TrainerFaultsTest {
  private static final String NATIVE_OOM =
      "DefaultCPUAllocator: not enough memory: you tried to allocate 107374182400 bytes.";
  private static final String ADVICE =
      "training stopped; checkpoints were not overwritten (lower train.learningRate, set"
          + " train.clipNorm)";

  @TempDir Path root;
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  private Trainer trainer(ScriptedTask task, String... overrides) {
    String yaml =
        "seed: 3\ndata: {train: t, valid: v, src: s, trg: t}\n"
            + "model: {type: rnn, cell: gru, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 3, learningRate: 0.01}\n";
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of(overrides));
    return new Trainer(task, config, root.resolve("run"), TrainListener.NONE);
  }

  private Path run(String file) {
    return root.resolve("run").resolve(file);
  }

  private List<Double> steps() throws IOException {
    return MetricsLog.read(run("metrics.csv")).stream().map(r -> r.get("step")).toList();
  }

  private long trainerJson(String name, String key) throws IOException {
    return new ObjectMapper()
        .readTree(run("checkpoints").resolve(name).resolve("trainer.json").toFile())
        .get(key)
        .asLong();
  }

  @Test
  void aFullDiskAtACheckpointNamesItKeepsThePreviousOneAndResumeWritesEachRowOnce()
      throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.diskFullAtSave = 3; // evaluation 1 saves last and best; evaluation 2's last fails
    DiskFull e = assertThrows(DiskFull.class, () -> trainer(task).fit());
    assertEquals(
        "cannot write "
            + run("checkpoints/last")
            + ": the disk is full (No space left on device); the previous last/ stays as it was",
        e.getMessage());
    assertEquals(List.of(10.0, 20.0), steps(), "the row of step 20 was written before the save");
    assertEquals(10, trainerJson("last", "step"));
    CheckpointStore.verify(run("checkpoints/last"));
    try (Stream<Path> files = Files.list(run("checkpoints"))) {
      assertEquals(
          List.of("best", "last"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }

    Trainer resumed = trainer(new ScriptedTask(manager, step -> 2.0));
    resumed.resume();
    assertEquals(List.of(10.0), steps(), "rows after the checkpoint's step are dropped");
    assertEquals(TrainOutcome.COMPLETED, resumed.fit().outcome());
    assertEquals(List.of(10.0, 20.0, 30.0), steps());
  }

  @Test
  void aBatchThatRunsOutOfMemoryIsSkippedWithAWarningAndTrainingGoesOn() throws IOException {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.faultAtStep = step -> step == 5 ? new EngineException(NATIVE_OOM) : null;
    PrintStream saved = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    Trainer.TrainResult r;
    try {
      r = trainer(task).fit();
    } finally {
      System.setErr(saved);
    }
    assertEquals(TrainOutcome.COMPLETED, r.outcome());
    assertEquals(30L, r.steps());
    assertEquals(1L, r.figures().get("skipped_steps"));
    assertEquals(1, trainerJson("last", "outOfMemory"));
    String warning =
        "skipped step 5: out of memory on batch 4 (32 sentences, 640 target tokens) ("
            + NATIVE_OOM
            + "); 1 of 5 steps skipped so far";
    assertTrue(log.toString(StandardCharsets.UTF_8).contains(warning), log.toString());
  }

  @Test
  void batchesOutOfMemoryThreeTimesInARowStopTheRun() {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.faultAtStep = step -> step >= 4 && step <= 6 ? new EngineException(NATIVE_OOM) : null;
    TrainingException e = assertThrows(TrainingException.class, () -> trainer(task).fit());
    assertEquals(
        "out of memory on 3 batches in a row, the last at epoch 1, step 6 (batch 5 (32 sentences,"
            + " 640 target tokens): "
            + NATIVE_OOM
            + "): training stopped; checkpoints were not overwritten (lower train.batchSize,"
            + " train.batchTokens or data.maxLength, or give the process more memory)",
        e.getMessage());
  }

  @Test
  void aRunThatSkippedEveryStepFailsInsteadOfSavingItsInitialWeights() {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.faultAtStep = step -> new EngineException(NATIVE_OOM);
    TrainingException e =
        assertThrows(TrainingException.class, () -> trainer(task, "train.maxSteps=2").fit());
    assertEquals(
        "all 2 steps were skipped (2 out of memory, 0 for a non-finite loss or gradient norm):"
            + " nothing was learned, training stopped; checkpoints were not overwritten (lower"
            + " train.learningRate, set train.clipNorm)",
        e.getMessage());
    assertTrue(!java.nio.file.Files.exists(run("checkpoints")), "no checkpoint of initial weights");
  }

  @Test
  void javaHeapExhaustionCountsTowardsTheSkippedShare() {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    task.faultAtStep =
        step -> step == 3 || step == 13 ? new OutOfMemoryError("Java heap space") : null;
    TrainingException e = assertThrows(TrainingException.class, () -> trainer(task).fit());
    assertEquals(
        "2 of 20 steps skipped (2 out of memory, 0 for a non-finite loss or gradient norm), more"
            + " than train.maxSkippedShare (0.05) allows, at epoch 2: "
            + ADVICE,
        e.getMessage());
  }

  @Test
  void otherFailuresOfABatchAreNotSkipped() {
    ScriptedTask task = new ScriptedTask(manager, step -> 2.0);
    IllegalStateException boom = new IllegalStateException("shape mismatch");
    task.faultAtStep = step -> step == 2 ? boom : null;
    assertSame(boom, assertThrows(IllegalStateException.class, () -> trainer(task).fit()));
  }
}
