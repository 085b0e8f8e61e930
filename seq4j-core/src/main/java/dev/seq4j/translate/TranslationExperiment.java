package dev.seq4j.translate;

import dev.seq4j.io.RunLock;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.TrainListener;
import dev.seq4j.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run from a configuration: reads the data, builds the vocabularies and the model,
 * writes the resolved {@code config.yaml} into the run directory and trains (see {@link
 * RunDirectory} for what the directory holds). The run directory is locked while it runs.
 */
public final class TranslationExperiment {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationExperiment.class);

  private TranslationExperiment() {}

  /**
   * Trains {@code config} into {@code runDir}.
   *
   * @param resume continue from {@code runDir/checkpoints/last} (the run's own config is used)
   * @param onTrainer receives the trainer before training starts (to request a stop on a signal)
   */
  public static Trainer.TrainResult run(
      TranslationConfig config,
      Path runDir,
      boolean resume,
      TrainListener listener,
      Consumer<Trainer> onTrainer)
      throws IOException {
    RunDirectory run = new RunDirectory(runDir);
    try (RunLock lock = run.openForTraining(resume, config.toYaml())) {
      Dataset data = Dataset.load(config.data());
      LOG.info(
          "data: {} training pairs, {} validation pairs; vocabularies {} / {}",
          data.train().size(),
          data.validSources().size(),
          data.srcVocabulary().size(),
          data.trgVocabulary().size());
      try (TranslationBundle bundle =
          TranslationBundle.create(
              config, data.srcVocabulary(), data.trgVocabulary(), data.srcBpe(), data.trgBpe())) {
        LOG.info("model: {} parameters", bundle.model().parameters().count());
        TranslationTask task = new TranslationTask(bundle, data);
        return Trainer.run(task, config, run, resume, listener, onTrainer);
      }
    }
  }
}
