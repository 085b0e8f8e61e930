package dev.seq4j.train;

import dev.seq4j.io.AtomicFiles;
import dev.seq4j.io.RunLock;
import dev.seq4j.model.Parameters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of one training run, the same for every task:
 *
 * <pre>
 * config.yaml          the resolved configuration (written when training opens the directory)
 * metrics.csv          one row per evaluation; metrics.json the run's summary
 * plots/               loss and accuracy curves (a task may add its own)
 * checkpoints/best/    the best validation metric so far; checkpoints/last/ the latest state
 * checkpoints/step-000400/  with train.keepCheckpoints: N, the model files of the last N evaluations
 * </pre>
 *
 * Each checkpoint holds the task's model files (its {@link SavedModel#save}: {@code config.yaml},
 * vocabularies, {@value #WEIGHTS}) and the trainer's state. A trained model is loaded from a
 * checkpoint directory or from a run directory, which stands for its best checkpoint, else its last
 * ({@link #checkpoint}, which verifies the files before any is read).
 */
public final class RunDirectory {
  /** The parameter file of a checkpoint (and of an exported model). */
  public static final String WEIGHTS = "model.safetensors";

  /** The weights file of checkpoints written before safetensors (DJL's NDList encoding). */
  public static final String LEGACY_WEIGHTS = "model.params";

  /** The resolved configuration, in a run directory and in each checkpoint. */
  public static final String CONFIG = "config.yaml";

  /** The name prefix of the numbered evaluation checkpoints ({@code train.keepCheckpoints}). */
  public static final String STEP_PREFIX = "step-";

  private static final List<String> LOAD_ORDER = List.of("best", "last");
  private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);

  private final Path root;

  /** The run directory {@code root} (created when training opens it). */
  public RunDirectory(Path root) {
    this.root = root;
  }

  /** The directory itself. */
  public Path root() {
    return root;
  }

  /**
   * The verified checkpoint directory {@code dir} stands for: {@code dir} itself when it holds
   * {@value #WEIGHTS} or a manifest (a checkpoint path, never replaced by another), else its {@code
   * checkpoints/best}, else its {@code checkpoints/last}. A run's {@code best} that fails
   * verification is passed over for {@code last} with a warning that says why.
   *
   * <p>Verification happens before any file is read: every file against {@value
   * CheckpointStore#MANIFEST} ({@link CheckpointStore#verify}). A directory without a manifest
   * (made by hand, or copied without it) still loads, with a warning, when its {@value #WEIGHTS} is
   * there and not empty.
   *
   * @throws CheckpointException when the checkpoint, or every checkpoint of a run, fails
   *     verification; the message names the directory, the file and what is wrong
   * @throws IllegalArgumentException when {@code dir} is neither a checkpoint nor a run
   */
  public static Path checkpoint(Path dir) {
    if (Files.isRegularFile(dir.resolve(WEIGHTS))
        || Files.isRegularFile(dir.resolve(LEGACY_WEIGHTS))
        || Files.isRegularFile(dir.resolve(CheckpointStore.MANIFEST))) {
      verifyModel(dir);
      return dir;
    }
    List<String> problems = new ArrayList<>();
    for (String name : LOAD_ORDER) {
      Path c = dir.resolve("checkpoints").resolve(name);
      if (!Files.isDirectory(c)) {
        continue;
      }
      try {
        verifyModel(c);
      } catch (CheckpointException e) {
        problems.add(e.getMessage());
        continue;
      }
      if (!problems.isEmpty()) {
        LOG.warn(
            "{}: checkpoints/best failed verification ({}); loading checkpoints/last instead",
            dir,
            problems.get(0));
      }
      return c;
    }
    if (problems.isEmpty()) {
      throw new IllegalArgumentException(
          dir + ": not a model (no " + WEIGHTS + ", nor checkpoints/best or checkpoints/last)");
    }
    throw new CheckpointException(
        dir + ": no checkpoint passes verification: " + String.join("; ", problems));
  }

  /** Checks a model directory's files against its manifest, or, without one, its weights. */
  private static void verifyModel(Path dir) {
    if (Files.isRegularFile(dir.resolve(CheckpointStore.MANIFEST))) {
      CheckpointStore.verify(dir);
      return;
    }
    Path weights = weightsFile(dir);
    String name = weights.getFileName().toString();
    if (!Files.isRegularFile(weights)) {
      throw new CheckpointException(dir + ": missing file " + WEIGHTS);
    }
    try {
      if (Files.size(weights) == 0) {
        throw new CheckpointException(dir + ": " + name + " is empty (0 bytes)");
      }
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot read " + name + ": " + e.getMessage(), e);
    }
    LOG.warn(
        "{}: no {}, so its files cannot be verified (a model made by hand or copied without it)",
        dir,
        CheckpointStore.MANIFEST);
  }

  /**
   * Locks the directory for a training run (creating it when missing), refuses one that already
   * holds a run unless {@code resume}, and writes {@code configYaml} as {@value #CONFIG}.
   *
   * @return the lock, to close when the run ends
   */
  public RunLock openForTraining(boolean resume, String configYaml) throws IOException {
    Files.createDirectories(root);
    RunLock lock = RunLock.acquire(root);
    try {
      if (!resume && Files.exists(checkpointsRoot())) {
        throw new IllegalArgumentException(
            root + " already holds a training run: use --resume to continue it, or another --out");
      }
      AtomicFiles.write(root.resolve(CONFIG), configYaml);
      return lock;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The run's checkpoints ({@code best}, {@code last}). */
  public CheckpointStore checkpoints() {
    return new CheckpointStore(checkpointsRoot());
  }

  /**
   * Saves {@code model}'s files atomically as {@code checkpoints/step-NNNNNN} (the step, six digits
   * at least) and removes the oldest numbered checkpoints beyond the newest {@code keep}; {@code
   * keep} 0 does nothing.
   */
  public void saveStepCheckpoint(SavedModel model, long step, int keep) throws IOException {
    if (keep <= 0) {
      return;
    }
    checkpoints().save(String.format("%s%06d", STEP_PREFIX, step), model::save);
    List<Path> steps = stepCheckpoints();
    for (Path old : steps.subList(0, Math.max(0, steps.size() - keep))) {
      CheckpointStore.deleteTree(old);
    }
  }

  /** The numbered evaluation checkpoints of this run, oldest first (empty when there are none). */
  public List<Path> stepCheckpoints() throws IOException {
    Path dir = checkpointsRoot();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches(STEP_PREFIX + "\\d+"))
          .filter(Files::isDirectory)
          .sorted(java.util.Comparator.comparingLong(RunDirectory::stepOf))
          .toList();
    }
  }

  private static long stepOf(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring(STEP_PREFIX.length()));
  }

  /** Loads the verified best checkpoint's parameters into {@code model} (after training). */
  public void loadBest(SavedModel model) throws IOException {
    Path best = checkpoints().load("best");
    model.parameters().load(weightsFile(best));
  }

  /** {@code metrics.csv}: one row per evaluation. */
  public Path metricsCsv() {
    return root.resolve("metrics.csv");
  }

  /** {@code metrics.json}: the run's summary figures. */
  public Path metricsJson() {
    return root.resolve("metrics.json");
  }

  /** {@code plots/}. */
  public Path plots() {
    return root.resolve("plots");
  }

  /** A task's own report file {@code name} in the run directory (e.g. {@code test.json}). */
  public Path file(String name) {
    return root.resolve(name);
  }

  /**
   * Loads {@value #WEIGHTS} of {@code checkpoint} into a freshly built {@code model}; closes the
   * model when that fails. A file the decoder cannot read is a {@link CheckpointException} naming
   * it.
   *
   * @return {@code model}
   */
  public static <M extends SavedModel & AutoCloseable> M loadWeights(M model, Path checkpoint)
      throws IOException {
    Path file = weightsFile(checkpoint);
    try {
      model.parameters().load(file);
      return model;
    } catch (IOException | RuntimeException e) {
      try {
        model.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      String m = e.getMessage();
      if (e instanceof CheckpointException) {
        throw e;
      }
      if (m != null && m.contains(file.toString())) {
        if (e instanceof IOException) { // a malformed file, named by the reader
          throw new CheckpointException(m, e);
        }
        throw e; // a model mismatch (shape, name, non-finite value), named by Parameters
      }
      // the decoder's own words (a buffer limit, an input length) name no file
      throw new CheckpointException(
          file + ": cannot read the weights (truncated or corrupt file): " + m, e);
    }
  }

  /**
   * The weights file of model directory {@code dir}: {@value #WEIGHTS}, or {@value #LEGACY_WEIGHTS}
   * in a checkpoint written before safetensors (the former when neither exists).
   */
  public static Path weightsFile(Path dir) {
    Path legacy = dir.resolve(LEGACY_WEIGHTS);
    return !Files.exists(dir.resolve(WEIGHTS)) && Files.exists(legacy)
        ? legacy
        : dir.resolve(WEIGHTS);
  }

  /**
   * Writes {@code parameters} as {@value #WEIGHTS} into {@code dir} (from {@link SavedModel#save}).
   */
  public static void saveWeights(Parameters parameters, Path dir) throws IOException {
    try (OutputStream out = Files.newOutputStream(dir.resolve(WEIGHTS))) {
      parameters.save(out);
    }
  }

  private Path checkpointsRoot() {
    return root.resolve("checkpoints");
  }
}
