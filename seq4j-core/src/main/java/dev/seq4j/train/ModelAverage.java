package dev.seq4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checkpoint averaging (Vaswani et al. 2017, §6.1: the last 5 or 20 checkpoints): the element-wise
 * mean of the parameters of N checkpoints of one model, written as a normal model directory.
 *
 * <pre>
 * θ̄ = (θ_1 + θ_2 + … + θ_N) / N
 * </pre>
 *
 * The checkpoints must be of one model: every model file but the weights (configuration,
 * vocabularies, BPE merges) byte for byte the same, and the same parameter names and shapes.
 */
public final class ModelAverage {
  /** Files of a checkpoint that may differ between checkpoints of one model. */
  private static final Set<String> OWN_FILES =
      Set.of(CheckpointStore.MANIFEST, "optimizer.state", "trainer.json");

  private ModelAverage() {}

  /** Loads the model of a verified checkpoint directory. */
  @FunctionalInterface
  public interface Loader<M extends SavedModel & AutoCloseable> {
    /** The model saved in {@code checkpoint}. */
    M load(Path checkpoint) throws IOException;
  }

  /**
   * Averages {@code checkpoints} (each a checkpoint or run directory, as {@link
   * RunDirectory#checkpoint} resolves it) into the new directory {@code out}, written atomically
   * with a manifest; the first checkpoint gives every file but the weights.
   *
   * @throws IllegalArgumentException naming the checkpoint that differs from the first, or {@code
   *     out} when it exists and is not empty
   */
  public static <M extends SavedModel & AutoCloseable> void average(
      List<Path> checkpoints, Loader<M> loader, Path out) throws Exception {
    if (checkpoints.isEmpty()) {
      throw new IllegalArgumentException("no checkpoints to average");
    }
    refuseNonEmpty(out);
    List<Path> dirs = checkpoints.stream().map(RunDirectory::checkpoint).toList();
    for (Path d : dirs.subList(1, dirs.size())) {
      requireSameModel(dirs.get(0), d);
    }
    try (M first = loader.load(dirs.get(0))) {
      NDManager owner = first.parameters().manager();
      try (NDManager scope = owner.newSubManager()) {
        Map<String, NDArray> sum = copy(first.parameters().asMap(), scope);
        for (Path d : dirs.subList(1, dirs.size())) {
          try (M other = loader.load(d)) {
            add(sum, other.parameters().asMap(), d);
          }
        }
        Map<String, NDArray> mean = new LinkedHashMap<>();
        sum.forEach((name, s) -> mean.put(name, s.div((float) dirs.size())));
        first.parameters().assign(mean, "the average of " + dirs);
      }
      Path parent = out.toAbsolutePath().getParent();
      new CheckpointStore(parent).save(out.getFileName().toString(), first::save);
    }
  }

  /** Copies of {@code params}, owned by {@code scope}. */
  private static Map<String, NDArray> copy(Map<String, NDArray> params, NDManager scope) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    params.forEach(
        (name, a) -> {
          NDArray c = a.duplicate();
          c.attach(scope);
          out.put(name, c);
        });
    return out;
  }

  /** {@code sum[name] += params[name]} for every parameter, which must have the same shapes. */
  private static void add(Map<String, NDArray> sum, Map<String, NDArray> params, Path source) {
    if (!sum.keySet().equals(params.keySet())) {
      throw new IllegalArgumentException(
          source + ": its parameter names differ from the first checkpoint's");
    }
    for (Map.Entry<String, NDArray> e : sum.entrySet()) {
      NDArray p = params.get(e.getKey());
      if (!p.getShape().equals(e.getValue().getShape())) {
        throw new IllegalArgumentException(
            String.format(
                "%s: parameter '%s' has shape %s, the first checkpoint's has %s",
                source, e.getKey(), p.getShape(), e.getValue().getShape()));
      }
      e.setValue(e.getValue().add(p)); // owned by the sum's scope (the first operand)
    }
  }

  /** Fails unless {@code other} has the same model files (all but weights) as {@code first}. */
  private static void requireSameModel(Path first, Path other) throws IOException {
    List<String> a = modelFiles(first);
    List<String> b = modelFiles(other);
    if (!a.equals(b)) {
      throw new IllegalArgumentException(
          String.format(
              "cannot average %s with %s: its files %s differ from %s (checkpoints of one model"
                  + " have the same configuration and vocabularies)",
              other, first, b, a));
    }
    for (String f : a) {
      if (!Arrays.equals(
          Files.readAllBytes(first.resolve(f)), Files.readAllBytes(other.resolve(f)))) {
        throw new IllegalArgumentException(
            String.format(
                "cannot average %s with %s: its %s differs (checkpoints of one model have the same"
                    + " configuration, vocabularies and shapes)",
                other, first, f));
      }
    }
  }

  /** The names of the files of {@code dir} that describe the model, not its weights or training. */
  private static List<String> modelFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> !OWN_FILES.contains(n) && !n.equals(RunDirectory.WEIGHTS))
          .sorted()
          .toList();
    }
  }

  private static void refuseNonEmpty(Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "--out " + out + " exists and is not empty: choose a new directory");
        }
      }
    } else if (Files.exists(out)) {
      throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
    }
  }
}
