package dev.seq4j.cli;

import dev.seq4j.config.TrainConfig;
import dev.seq4j.train.TrainListener;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationConfig;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs training from the CLI: progress bar, and SIGINT/SIGTERM save {@code last/} and exit. */
final class InterruptibleTraining {
  private InterruptibleTraining() {}

  static Path defaultDir(String name) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    return Path.of("runs", name.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + stamp);
  }

  /** A training run that hands its trainer to a consumer before it starts. */
  interface Body<T> {
    T run(TrainListener listener, Consumer<Trainer> onTrainer) throws IOException;
  }

  static Trainer.TrainResult train(
      TranslationConfig config, Path out, boolean resume, PrintStream err) throws IOException {
    return train(
        (listener, onTrainer) ->
            TranslationExperiment.run(
                config,
                TrainingRun.in(out).resuming(resume).heardBy(listener).withTrainer(onTrainer)),
        err,
        config.train());
  }

  /**
   * Runs {@code body} with a progress bar (its run ETA from {@code plan}'s epochs and time limit);
   * SIGINT/SIGTERM ask its trainer to save and stop.
   */
  static <T> T train(Body<T> body, PrintStream err, TrainConfig plan) throws IOException {
    AtomicReference<Trainer> current = new AtomicReference<>();
    Thread hook =
        new Thread(
            () -> {
              Trainer t = current.get();
              if (t != null) {
                err.println("\nseq4j: stopping: saving checkpoints/last …");
                t.requestStop();
                try {
                  t.awaitStopped(120);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            "seq4j-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return body.run(new ProgressBar(err, plan), current::set);
    } finally {
      current.set(null);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook runs
      }
    }
  }
}
