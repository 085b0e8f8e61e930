package dev.seq4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.io.RunLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One line of {@code seq4j runs}: what a run directory says about its run, read from {@code
 * config.yaml}, {@code metrics.json} (a finished run), {@code metrics.csv} (a run still going or
 * cut short), {@code test.json} and {@code train.log}.
 *
 * @param dir the run directory
 * @param name the experiment's {@code name}
 * @param task {@code translate}, {@code classify} or {@code generate}
 * @param model {@code model.type}, with the cell when there is one ({@code rnn/gru})
 * @param parameters trainable parameters; -1 when unknown (the run has not finished)
 * @param epochs epochs trained (fractional when evaluated inside an epoch); NaN when none
 * @param metric the validation metric ({@code train.metric})
 * @param best its best value; NaN when there was no evaluation
 * @param test the test figures of {@code test.json} ({@code accuracy=0.8123 …}); empty when none
 * @param seconds training time (training and validation); NaN when unknown
 * @param status {@code running}, {@code completed}, {@code interrupted} or {@code diverged}
 */
public record RunSummary(
    Path dir,
    String name,
    String task,
    String model,
    long parameters,
    double epochs,
    String metric,
    double best,
    String test,
    double seconds,
    String status) {

  /**
   * What {@code seq4j train} writes to {@code train.log} when training stops on a {@link
   * TrainingException} (divergence, non-finite values).
   */
  public static final String DIVERGED = "training diverged: ";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every run directory below {@code root} ({@code root} itself included), in path order. */
  public static List<RunSummary> findAll(Path root) throws IOException {
    List<RunSummary> runs = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(root, 6)) {
      for (Path d : dirs.filter(RunSummary::isRun).sorted().toList()) {
        runs.add(read(d));
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return runs;
  }

  /** A run directory: {@code config.yaml} and {@code metrics.csv} or {@code checkpoints/}. */
  static boolean isRun(Path d) {
    return Files.isRegularFile(d.resolve(RunDirectory.CONFIG))
        && (Files.isRegularFile(d.resolve("metrics.csv"))
            || Files.isDirectory(d.resolve("checkpoints")))
        && !d.getParent().getFileName().toString().equals("checkpoints");
  }

  /** Reads the run in {@code dir}. */
  public static RunSummary read(Path dir) throws IOException {
    Map<String, Object> config = yaml(dir.resolve(RunDirectory.CONFIG));
    Map<String, Object> model = section(config, "model");
    Map<String, Object> train = section(config, "train");
    String metric = String.valueOf(train.getOrDefault("metric", "loss")).toLowerCase(Locale.ROOT);
    Map<?, ?> summary = json(dir.resolve("metrics.json"));
    List<Map<String, Double>> rows =
        Files.exists(dir.resolve("metrics.csv"))
            ? MetricsLog.read(dir.resolve("metrics.csv"))
            : List.of();
    Map<String, Double> last = rows.isEmpty() ? Map.of() : rows.get(rows.size() - 1);
    return new RunSummary(
        dir,
        String.valueOf(config.getOrDefault("name", dir.getFileName())),
        String.valueOf(config.getOrDefault("task", "translate")),
        model.getOrDefault("type", "?")
            + (model.containsKey("cell") ? "/" + model.get("cell") : ""),
        summary.get("parameters") instanceof Number n ? n.longValue() : -1,
        last.getOrDefault("epoch", Double.NaN),
        metric,
        best(rows, metric),
        testFigures(json(dir.resolve("test.json"))),
        summary.get("seconds") instanceof Number n
            ? n.doubleValue()
            : last.getOrDefault("seconds", Double.NaN),
        status(dir, summary));
  }

  /** The best validation value of {@code metric} over the rows (lowest loss, highest else). */
  static double best(List<Map<String, Double>> rows, String metric) {
    String column =
        switch (metric) {
          case "accuracy" -> "valid_acc";
          case "bleu" -> "valid_bleu";
          default -> "valid_loss";
        };
    boolean lower = column.equals("valid_loss");
    double best = Double.NaN;
    for (Map<String, Double> r : rows) {
      double v = r.getOrDefault(column, Double.NaN);
      if (Double.isFinite(v) && (Double.isNaN(best) || (lower ? v < best : v > best))) {
        best = v;
      }
    }
    return best;
  }

  private static String status(Path dir, Map<?, ?> summary) throws IOException {
    if (isLocked(dir)) {
      return "running";
    }
    Path log = dir.resolve("train.log");
    if (Files.exists(log)
        && Files.readString(log, StandardCharsets.UTF_8).contains("seq4j: error: " + DIVERGED)) {
      return "diverged";
    }
    Object outcome = summary.get("outcome");
    return outcome == null || "interrupted".equals(outcome) ? "interrupted" : "completed";
  }

  /** Whether a trainer holds the run's lock now. */
  private static boolean isLocked(Path dir) throws IOException {
    if (!Files.exists(dir.resolve(".lock"))) {
      return false;
    }
    try (RunLock lock = RunLock.acquire(dir)) {
      return false;
    } catch (IllegalStateException held) {
      return true;
    }
  }

  private static String testFigures(Map<?, ?> test) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<?, ?> e : test.entrySet()) {
      if (e.getValue() instanceof Number n && parts.size() < 3) {
        parts.add(String.format(Locale.ROOT, "%s=%.4g", e.getKey(), n.doubleValue()));
      }
    }
    return String.join(" ", parts);
  }

  private static Map<?, ?> json(Path file) throws IOException {
    return Files.exists(file) ? JSON.readValue(file.toFile(), Map.class) : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    Object root =
        new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(file, StandardCharsets.UTF_8));
    return root instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> config, String key) {
    return config.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
