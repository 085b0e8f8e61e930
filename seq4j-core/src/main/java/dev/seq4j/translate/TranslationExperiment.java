package dev.seq4j.translate;

import dev.seq4j.io.AtomicFiles;
import dev.seq4j.io.RunLock;
import dev.seq4j.train.TrainListener;
import dev.seq4j.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run from a configuration: reads the data, builds the vocabularies and the model,
 * writes the resolved {@code config.yaml} into the run directory and trains. The run directory is
 * locked while it runs.
 */
public final class TranslationExperiment {
  private static final Logger LOG = LoggerFactory.getLogger(TranslationExperiment.class);

  private TranslationExperiment() {}

  /**
   * Locks {@code runDir} for a run (created when missing), refuses a directory that already holds
   * one unless resuming, and writes the resolved configuration {@code yaml} as {@code config.yaml}.
   *
   * @return the lock, to close when the run ends
   */
  public static RunLock open(Path runDir, boolean resume, String yaml) throws IOException {
    Files.createDirectories(runDir);
    RunLock lock = RunLock.acquire(runDir);
    try {
      if (!resume && Files.exists(runDir.resolve("checkpoints"))) {
        throw new IllegalArgumentException(
            runDir
                + " already holds a training run: use --resume to continue it, or another --out");
      }
      AtomicFiles.write(runDir.resolve("config.yaml"), yaml);
      return lock;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

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
    try (RunLock lock = open(runDir, resume, config.toYaml())) {
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
        Trainer trainer = new Trainer(new TranslationTask(bundle, data), config, runDir, listener);
        if (resume) {
          trainer.resume();
        }
        onTrainer.accept(trainer);
        return trainer.fit();
      }
    }
  }
}
