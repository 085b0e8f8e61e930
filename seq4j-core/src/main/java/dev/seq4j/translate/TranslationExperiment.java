package dev.seq4j.translate;

import dev.seq4j.io.RunLock;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingRun;
import java.io.IOException;
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

  /** Trains {@code config} as {@code request} says (directory, resume, listener). */
  public static Trainer.TrainResult run(TranslationConfig config, TrainingRun request)
      throws IOException {
    RunDirectory run = new RunDirectory(request.dir());
    try (RunLock lock = run.openForTraining(request.resume(), config.toYaml())) {
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
        return Trainer.run(task, config, run, request);
      }
    }
  }
}
