package dev.seq4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.io.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir Path root;

  private CheckpointStore store() {
    return new CheckpointStore(root.resolve("checkpoints"));
  }

  private void saveText(CheckpointStore s, String name, String text) throws IOException {
    s.save(name, dir -> Files.writeString(dir.resolve("model.safetensors"), text));
  }

  @Test
  void savesWithManifestAndLoadsVerified() throws IOException {
    CheckpointStore s = store();
    saveText(s, "last", "v1");
    saveText(s, "last", "v2");
    Path dir = s.load("last");
    assertEquals("v2", Files.readString(dir.resolve("model.safetensors")));
    String manifest = Files.readString(dir.resolve(CheckpointStore.MANIFEST));
    assertTrue(manifest.matches("[0-9a-f]{64}  model\\.safetensors\\n"), manifest);
    try (Stream<Path> files = Files.list(root.resolve("checkpoints"))) {
      assertEquals(List.of("last"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void writerFailureKeepsThePreviousCheckpoint() throws IOException {
    CheckpointStore s = store();
    saveText(s, "best", "good");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                s.save(
                    "best",
                    dir -> {
                      Files.writeString(dir.resolve("model.safetensors"), "partial");
                      throw new IOException("No space left on device");
                    }));
    assertEquals(
        "cannot write "
            + root.resolve("checkpoints/best")
            + ": the disk is full (No space left on device); the previous best/ stays as it was",
        e.getMessage());
    assertEquals("good", Files.readString(s.load("best").resolve("model.safetensors")));
    try (Stream<Path> files = Files.list(root.resolve("checkpoints"))) {
      assertEquals(1, files.count(), "temporary directory removed");
    }
  }

  @Test
  void killedDuringSaveLeavesThePreviousCheckpointValid() throws Exception {
    CheckpointStore s = store();
    saveText(s, "last", "old and valid");
    Path started = root.resolve("started");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SlowCheckpointWriter.class.getName(),
                root.resolve("checkpoints").toString(),
                started.toString())
            .inheritIO()
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(started) && System.nanoTime() < deadline && child.isAlive()) {
      Thread.sleep(20);
    }
    assertTrue(Files.exists(started), "the child started writing");
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertFalse(child.isAlive());
    assertEquals("old and valid", Files.readString(s.load("last").resolve("model.safetensors")));
    saveText(s, "last", "next");
    try (Stream<Path> files = Files.list(root.resolve("checkpoints"))) {
      assertEquals(List.of("last"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void corruptOrEmptyFilesAreDetected() throws IOException {
    CheckpointStore s = store();
    saveText(s, "last", "0123456789");
    Path params = s.path("last").resolve("model.safetensors");
    byte[] bytes = Files.readAllBytes(params);
    bytes[3] ^= 0x10;
    Files.write(params, bytes);
    CheckpointException e = assertThrows(CheckpointException.class, () -> s.load("last"));
    assertEquals(
        s.path("last") + ": model.safetensors is corrupt (SHA-256 mismatch)", e.getMessage());
    Files.write(params, new byte[0]);
    e = assertThrows(CheckpointException.class, () -> s.load("last"));
    assertEquals(
        s.path("last") + ": model.safetensors is empty (0 bytes; SHA-256 mismatch)",
        e.getMessage());
  }

  @Test
  void resumeAutoFallsBackToTheNextValidCheckpoint() throws IOException {
    CheckpointStore s = store();
    saveText(s, "best", "best one");
    saveText(s, "last", "last one");
    Files.delete(s.path("last").resolve(CheckpointStore.MANIFEST));
    Path chosen = s.loadLatestValid(List.of("last", "best"));
    assertEquals(s.path("best"), chosen);
  }

  @Test
  void interruptedSwapIsRestored() throws IOException {
    CheckpointStore s = store();
    saveText(s, "last", "swapped out");
    Files.move(s.path("last"), root.resolve("checkpoints/.old-last"));
    assertEquals("swapped out", Files.readString(s.load("last").resolve("model.safetensors")));
  }

  @Test
  void runLockKeepsASecondTrainerOut() throws IOException {
    Path dir = root.resolve("run");
    try (RunLock first = RunLock.acquire(dir)) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> RunLock.acquire(dir));
      assertEquals(
          "another seq4j process is using " + dir + " (lock file " + dir.resolve(".lock") + ")",
          e.getMessage());
    }
    RunLock.acquire(dir).close();
  }

  @Test
  void metricsCsvRowsAndJson() throws IOException {
    Path csv = root.resolve("metrics.csv");
    MetricsLog log = new MetricsLog(csv);
    log.append(new java.util.LinkedHashMap<>(java.util.Map.of("epoch", 1, "loss", 2.5)));
    new MetricsLog(csv).append(java.util.Map.of("epoch", 2));
    List<java.util.Map<String, Double>> rows = MetricsLog.read(csv);
    assertEquals(2, rows.size());
    assertEquals(2.0, rows.get(1).get("epoch"));
    assertTrue(rows.get(1).get("loss").isNaN());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> log.append(java.util.Map.of("bleu", 1.0)));
    assertTrue(e.getMessage().startsWith(csv + ": column 'bleu' is not among"), e.getMessage());
    MetricsLog.writeJson(root.resolve("m.json"), java.util.Map.of("bleu", 31.5));
    assertEquals("{\n  \"bleu\" : 31.5\n}\n", Files.readString(root.resolve("m.json")));
  }
}
