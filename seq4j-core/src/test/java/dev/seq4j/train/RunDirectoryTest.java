package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seq4j.io.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving a run or checkpoint directory, and the rules for opening one for training. */
class RunDirectoryTest {
  @TempDir Path root;

  private Path checkpointWithWeights(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(RunDirectory.WEIGHTS), "w");
    return dir;
  }

  @Test
  void aCheckpointDirectoryStandsForItself() throws IOException {
    Path c = checkpointWithWeights(root.resolve("export"));
    assertEquals(c, RunDirectory.checkpoint(c));
  }

  @Test
  void aRunDirectoryStandsForItsBestElseItsLastCheckpoint() throws IOException {
    Path run = root.resolve("run");
    Path last = checkpointWithWeights(run.resolve("checkpoints/last"));
    assertEquals(last, RunDirectory.checkpoint(run));
    Path best = checkpointWithWeights(run.resolve("checkpoints/best"));
    assertEquals(best, RunDirectory.checkpoint(run));
  }

  @Test
  void aDirectoryWithoutWeightsIsNotAModel() {
    Path empty = root.resolve("empty");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunDirectory.checkpoint(empty));
    assertEquals(
        empty + ": not a model (no model.safetensors, nor checkpoints/best or checkpoints/last)",
        e.getMessage());
  }

  @Test
  void openingWritesTheConfigAndRefusesARunUnlessResuming() throws IOException {
    Path dir = root.resolve("run");
    RunDirectory run = new RunDirectory(dir);
    try (RunLock lock = run.openForTraining(false, "seed: 1\n")) {
      assertEquals("seed: 1\n", Files.readString(dir.resolve("config.yaml")));
    }
    Files.createDirectories(dir.resolve("checkpoints"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> run.openForTraining(false, "seed: 2\n"));
    assertEquals(
        dir + " already holds a training run: use --resume to continue it, or another --out",
        e.getMessage());
    assertEquals("seed: 1\n", Files.readString(dir.resolve("config.yaml")));
    try (RunLock lock = run.openForTraining(true, "seed: 2\n")) {
      assertEquals("seed: 2\n", Files.readString(dir.resolve("config.yaml")));
    }
  }

  @Test
  void theRunsFilesHaveFixedNames() {
    RunDirectory run = new RunDirectory(root);
    assertEquals(root.resolve("metrics.csv"), run.metricsCsv());
    assertEquals(root.resolve("metrics.json"), run.metricsJson());
    assertEquals(root.resolve("plots"), run.plots());
    assertEquals(root.resolve("test.json"), run.file("test.json"));
  }
}
