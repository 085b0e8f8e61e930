package dev.seq4j.api;

import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.RunConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.names.NamesConfig;
import dev.seq4j.names.NamesExperiment;
import dev.seq4j.train.TrainListener;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a model as {@code seq4j train} does: from an experiment YAML file (the {@code task} key
 * picks translation, classification or generation) or from a configuration record. The run
 * directory receives {@code config.yaml}, {@code metrics.csv}, {@code plots/} and {@code
 * checkpoints/{best,last}}; it is locked while training and must not hold a run already. Training
 * blocks the calling thread; runs in different directories may run in parallel threads.
 *
 * <pre>{@code
 * TrainingResult r = Training.train(Path.of("reverse.yaml"), List.of("train.epochs=5"),
 *     Path.of("runs/reverse"), TrainingListener.NONE);
 * }</pre>
 */
public final class Training {
  private Training() {}

  /**
   * Trains the experiment in {@code configFile}, with {@code overrides} such as {@code
   * train.epochs=5}, into {@code runDir}.
   *
   * @throws IOException when the data or the run directory cannot be read or written
   * @throws RuntimeException for an invalid configuration (the message names the file, line and
   *     key), a run directory that already holds a run, or a diverging run
   */
  public static TrainingResult train(
      Path configFile, List<String> overrides, Path runDir, TrainingListener listener)
      throws IOException {
    RunConfig config =
        ConfigLoader.load(
            configFile,
            overrides,
            s ->
                RunConfig.task(s) == RunConfig.Task.TRANSLATE
                    ? TranslationConfig.read(s)
                    : NamesConfig.read(s));
    return train(config, runDir, listener);
  }

  /**
   * Trains {@code config}, a {@link TranslationConfig} or a {@link NamesConfig}, into {@code
   * runDir}.
   *
   * @throws IOException when the data or the run directory cannot be read or written
   * @throws IllegalArgumentException for another kind of configuration
   */
  public static TrainingResult train(RunConfig config, Path runDir, TrainingListener listener)
      throws IOException {
    Engines.start();
    TrainingRun request = TrainingRun.in(runDir).heardBy(adapt(listener));
    Trainer.TrainResult r;
    Map<String, Object> test = Map.of();
    if (config instanceof TranslationConfig t) {
      r = TranslationExperiment.run(t, request);
    } else if (config instanceof NamesConfig n) {
      NamesExperiment.Outcome o = NamesExperiment.run(n, request);
      r = o.train();
      test = Collections.unmodifiableMap(new LinkedHashMap<>(o.test()));
    } else {
      throw new IllegalArgumentException(
          "config must be a TranslationConfig or a NamesConfig, was " + config.getClass());
    }
    return new TrainingResult(
        TrainingResult.Outcome.valueOf(r.outcome().name()),
        r.epochs(),
        r.steps(),
        r.seconds(),
        config.train().metric().name().toLowerCase(Locale.ROOT),
        r.bestMetric(),
        runDir,
        test);
  }

  private static TrainListener adapt(TrainingListener listener) {
    TrainingListener l = listener == null ? TrainingListener.NONE : listener;
    return new TrainListener() {
      @Override
      public void onStep(int epoch, int batch, int batches, double loss, double tokensPerSecond) {
        l.onStep(epoch, batch, batches, loss, tokensPerSecond);
      }

      @Override
      public void onEvaluation(Map<String, Object> row) {
        l.onEvaluation(row);
      }
    };
  }
}
