package dev.seq4j.names;

import dev.seq4j.config.RunConfig;
import dev.seq4j.io.RunLock;
import dev.seq4j.train.MetricsLog;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.TrainOutcome;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.train.TrainingTask;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of a names model: reads the {@code <Label>.txt} folder, splits it (stratified,
 * seeded), builds the character vocabulary from the training names, trains, then scores the best
 * checkpoint on the test split. Besides what every {@link RunDirectory} holds ({@code config.yaml},
 * {@code metrics.csv}, {@code plots/}, {@code checkpoints/}), a run writes {@code data.json} (split
 * sizes per label, duplicates removed, names shared between labels) and {@code test.json}; a
 * classifier adds {@code confusion.csv} and {@code plots/confusion.png}, a generator {@code
 * samples.txt}.
 */
public final class NamesExperiment {
  private static final Logger LOG = LoggerFactory.getLogger(NamesExperiment.class);

  /** Longest generated name. */
  public static final int MAX_NAME_LENGTH = 30;

  private NamesExperiment() {}

  /**
   * The training result and the test figures (empty when training was interrupted).
   *
   * @param test what {@code test.json} holds
   */
  public record Outcome(Trainer.TrainResult train, Map<String, Object> test) {}

  /** Trains {@code config} as {@code request} says (directory, resume, listener). */
  public static Outcome run(NamesConfig config, TrainingRun request) throws IOException {
    RunDirectory run = new RunDirectory(request.dir());
    try (RunLock lock = run.openForTraining(request.resume(), config.toYaml())) {
      NamesData data = NamesData.prepare(config.data());
      MetricsLog.writeJson(run.file("data.json"), data.describe());
      try (NamesBundle bundle = NamesBundle.create(config, data.chars(), data.labels())) {
        LOG.info(
            "model: {} parameters; {} characters",
            bundle.parameters().count(),
            data.chars().size());
        TrainingTask<NameBatch> task = task(bundle, data);
        Trainer.TrainResult result = Trainer.run(task, config, run, request);
        if (result.outcome() == TrainOutcome.INTERRUPTED) {
          return new Outcome(result, Map.of());
        }
        run.loadBest(bundle);
        Map<String, Object> test = test(bundle, data, run, result);
        writeReports(run, result, test);
        return new Outcome(result, test);
      }
    }
  }

  /** The classifier's or generator's training task over the train and validation splits. */
  private static TrainingTask<NameBatch> task(NamesBundle bundle, NamesData data) {
    List<NameBatch.Encoded> train = NamesData.encode(bundle, data.split().train());
    List<NameBatch.Encoded> valid = NamesData.encode(bundle, data.split().valid());
    return bundle.config().task() == RunConfig.Task.CLASSIFY
        ? new ClassifierTask(bundle, train, valid)
        : new GeneratorTask(bundle, train, valid);
  }

  /** The test-split figures of the loaded model, with its size and training time. */
  private static Map<String, Object> test(
      NamesBundle bundle, NamesData data, RunDirectory run, Trainer.TrainResult result)
      throws IOException {
    List<NameBatch.Encoded> test = NamesData.encode(bundle, data.split().test());
    Map<String, Object> figures =
        bundle.config().task() == RunConfig.Task.CLASSIFY
            ? NamesTestReport.classifier(bundle, test, run)
            : NamesTestReport.generator(bundle, test, data.split().train(), run);
    figures.put("parameters", bundle.parameters().count());
    figures.put("train_seconds", result.figures().get("train_seconds"));
    return figures;
  }

  /**
   * Writes {@code test.json} and adds its numbers, prefixed {@code test_}, to {@code metrics.json}.
   */
  private static void writeReports(
      RunDirectory run, Trainer.TrainResult result, Map<String, Object> test) throws IOException {
    MetricsLog.writeJson(run.file("test.json"), test);
    Map<String, Object> metrics = new LinkedHashMap<>(result.figures());
    test.forEach(
        (k, v) -> {
          if (v instanceof Number && !metrics.containsKey(k)) {
            metrics.put("test_" + k, v);
          }
        });
    MetricsLog.writeJson(run.metricsJson(), metrics);
  }
}
