package dev.seq4j.train;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where and how one training run goes, whatever the task: its directory, whether it continues from
 * {@code checkpoints/last}, who hears its progress, and who receives the trainer before training
 * starts (a CLI, to ask it to stop on a signal).
 *
 * @param dir the run directory
 * @param resume continue from {@code dir/checkpoints/last} (the run's own config is used)
 * @param listener progress and evaluations
 * @param onTrainer receives the trainer before training starts
 */
public record TrainingRun(
    Path dir, boolean resume, TrainListener listener, Consumer<Trainer> onTrainer) {

  /** A fresh run in {@code dir}, heard by nobody. */
  public static TrainingRun in(Path dir) {
    return new TrainingRun(dir, false, TrainListener.NONE, trainer -> {});
  }

  /** The same run, continuing from its last checkpoint when {@code resume}. */
  public TrainingRun resuming(boolean resume) {
    return new TrainingRun(dir, resume, listener, onTrainer);
  }

  /** The same run reporting to {@code listener}. */
  public TrainingRun heardBy(TrainListener listener) {
    return new TrainingRun(dir, resume, listener, onTrainer);
  }

  /** The same run handing its trainer to {@code onTrainer} before training starts. */
  public TrainingRun withTrainer(Consumer<Trainer> onTrainer) {
    return new TrainingRun(dir, resume, listener, onTrainer);
  }
}
