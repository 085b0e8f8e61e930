package dev.seq4j.translate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.seq4j.data.synthetic.ReverseTask;
import dev.seq4j.names.Fixtures;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.names.NamesExperiment;
import dev.seq4j.train.CheckpointException;
import dev.seq4j.train.CheckpointStore;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.TrainOutcome;
import dev.seq4j.train.TrainingRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every model load verifies the checkpoint's files before it reads a tensor. */
class ModelVerificationTest {
  @TempDir static Path trained;
  @TempDir Path dir;
  private static Path run;

  @BeforeAll
  static void trainOnce() throws IOException {
    Path data = trained.resolve("data");
    new ReverseTask(2, 6, 6).writeSplits(data, List.of("train", "valid"), List.of(200, 20), 5);
    String yaml =
        "seed: 3\ndata: {train: "
            + data.resolve("train")
            + ", valid: "
            + data.resolve("valid")
            + ", src: src, trg: trg}\nmodel: {type: rnn, cell: gru, embedding: 8, hidden: 16}\n"
            + "train: {epochs: 2, batchSize: 32, learningRate: 0.01}\n";
    run = trained.resolve("run");
    TranslationConfig config = TranslationConfig.parse(yaml, "t.yaml", List.of());
    assertEquals(
        TrainOutcome.COMPLETED, TranslationExperiment.run(config, TrainingRun.in(run)).outcome());
  }

  /** A copy of the trained run, to damage. */
  private Path copy() throws IOException {
    Path to = dir.resolve("run");
    try (Stream<Path> s = Files.walk(run)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  static void flipOneBit(Path file, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x10);
    }
  }

  static void truncate(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
  }

  /** What the loader logs while {@code body} runs (slf4j-simple writes to System.err). */
  private static String logOf(ThrowingRunnable body) throws IOException {
    PrintStream saved = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setErr(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  interface ThrowingRunnable {
    void run() throws IOException;
  }

  @Test
  void aFlippedBitInTheWeightsFailsTheLoadNamingTheFileAndSha256() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    Path weights = best.resolve("model.safetensors");
    flipOneBit(weights, Files.size(weights) / 2);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    assertEquals(best + ": model.safetensors is corrupt (SHA-256 mismatch)", e.getMessage());
  }

  @Test
  void emptyWeightsAreNamedWithOrWithoutAManifest() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    truncate(best.resolve("model.safetensors"), 0);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    assertEquals(best + ": model.safetensors is empty (0 bytes; SHA-256 mismatch)", e.getMessage());
    Files.delete(best.resolve(CheckpointStore.MANIFEST));
    e = assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    assertEquals(best + ": model.safetensors is empty (0 bytes)", e.getMessage());
  }

  @Test
  void truncatedWeightsAreNamedWithOrWithoutAManifest() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    Path weights = best.resolve("model.safetensors");
    truncate(weights, Files.size(weights) * 2 / 3);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    assertEquals(best + ": model.safetensors is corrupt (SHA-256 mismatch)", e.getMessage());
    Files.delete(best.resolve(CheckpointStore.MANIFEST));
    e = assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    // the safetensors reader finds the data shorter than the header declares
    assertTrue(
        e.getMessage().startsWith(weights + ": not a valid safetensors file: tensor '")
            && e.getMessage().contains("lie outside the data ("),
        e.getMessage());
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    Files.delete(best.resolve("src.vocab"));
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TranslationBundle.load(best));
    assertEquals(best + ": missing file src.vocab", e.getMessage());
  }

  @Test
  void weightsOfTheWrongShapeAreNamed() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    Files.delete(best.resolve(CheckpointStore.MANIFEST));
    Path config = best.resolve("config.yaml");
    String yaml = Files.readString(config);
    assertTrue(yaml.contains("hidden: 16"), yaml);
    Files.writeString(config, yaml.replace("hidden: 16", "hidden: 12"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TranslationBundle.load(best));
    assertTrue(e.getMessage().startsWith(best.resolve("model.safetensors") + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("the model expects"), e.getMessage());
  }

  @Test
  void aRunWhoseBestIsCorruptFallsBackToLastAndSaysSo() throws IOException {
    Path copy = copy();
    Path best = copy.resolve("checkpoints/best");
    flipOneBit(best.resolve("model.safetensors"), 100);
    float[][] loaded = new float[2][];
    String log =
        logOf(
            () -> {
              try (TranslationBundle b = TranslationBundle.load(copy);
                  TranslationBundle last =
                      TranslationBundle.load(copy.resolve("checkpoints/last"))) {
                loaded[0] = b.parameters().get("src_embedding.weight").toFloatArray();
                loaded[1] = last.parameters().get("src_embedding.weight").toFloatArray();
              }
            });
    assertArrayEquals(loaded[1], loaded[0], "the run's model is its last checkpoint");
    assertTrue(
        log.contains(
            "WARN dev.seq4j.train.RunDirectory - "
                + copy
                + ": checkpoints/best failed verification ("
                + best
                + ": model.safetensors is corrupt (SHA-256 mismatch)); loading checkpoints/last instead"),
        log);
  }

  @Test
  void aRunWhoseCheckpointsAreBothCorruptFailsNamingBoth() throws IOException {
    Path copy = copy();
    Path best = copy.resolve("checkpoints/best");
    Path last = copy.resolve("checkpoints/last");
    flipOneBit(best.resolve("model.safetensors"), 100);
    truncate(last.resolve("model.safetensors"), 0);
    CheckpointException e =
        assertThrows(CheckpointException.class, () -> TranslationBundle.load(copy));
    assertEquals(
        copy
            + ": no checkpoint passes verification: "
            + best
            + ": model.safetensors is corrupt (SHA-256 mismatch); "
            + last
            + ": model.safetensors is empty (0 bytes; SHA-256 mismatch)",
        e.getMessage());
  }

  @Test
  void aModelWithoutAManifestStillLoadsWithAWarning() throws IOException {
    Path best = copy().resolve("checkpoints/best");
    Files.delete(best.resolve(CheckpointStore.MANIFEST));
    String log =
        logOf(
            () -> {
              try (TranslationBundle b = TranslationBundle.load(best)) {
                assertTrue(b.parameters().count() > 0);
              }
            });
    assertTrue(
        log.contains(
            "WARN dev.seq4j.train.RunDirectory - "
                + best
                + ": no MANIFEST.sha256, so its files cannot be verified"),
        log);
  }

  @Test
  void nonFiniteWeightsAreRefusedWithoutAManifestToo() throws IOException {
    // issue 22: a manifest-less directory whose weights hold NaN loaded and translated
    Path best = copy().resolve("checkpoints/best");
    String name;
    long poisoned;
    try (TranslationBundle b = TranslationBundle.load(best)) {
      name = b.parameters().asMap().keySet().iterator().next();
      NDArray p = b.parameters().get(name);
      p.setRequiresGradient(false);
      p.set(new NDIndex("0"), Float.NaN);
      poisoned = p.get(0).size();
      RunDirectory.saveWeights(b.parameters(), best);
      Files.delete(best.resolve(CheckpointStore.MANIFEST));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TranslationBundle.load(best));
      assertEquals(
          best.resolve("model.safetensors")
              + ": parameter '"
              + name
              + "' holds "
              + poisoned
              + " non-finite values (NaN or infinite) of "
              + p.size()
              + "; refusing to load it",
          e.getMessage());
    }
  }

  @Test
  void aCorruptNamesModelFailsTheLoadToo() throws IOException {
    Path names = dir.resolve("names");
    Fixtures.corpus(names, 20, 1);
    Path namesRun = dir.resolve("names-run");
    NamesExperiment.run(
        Fixtures.config(
            "classify",
            "{cell: gru, embedding: 4, hidden: 8}",
            "{epochs: 1, batchSize: 16}",
            names),
        TrainingRun.in(namesRun));
    Path best = namesRun.resolve("checkpoints/best");
    flipOneBit(best.resolve("model.safetensors"), 50);
    Path last = namesRun.resolve("checkpoints/last");
    flipOneBit(last.resolve("model.safetensors"), 50);
    CheckpointException e = assertThrows(CheckpointException.class, () -> NamesBundle.load(best));
    assertEquals(best + ": model.safetensors is corrupt (SHA-256 mismatch)", e.getMessage());
  }
}
