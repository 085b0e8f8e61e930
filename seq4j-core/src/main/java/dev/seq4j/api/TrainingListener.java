package dev.seq4j.api;

import java.util.Map;

/**
 * Hears a training run's progress ({@link Training#train}). Calls come from the training thread; an
 * exception thrown here ends the run.
 */
public interface TrainingListener {

  /**
   * After each optimizer step.
   *
   * @param epoch the epoch, from 1
   * @param batch the batch within the epoch, from 1
   * @param batches the batches in an epoch
   * @param loss the mean training loss per target token (or per name) since the last evaluation
   * @param tokensPerSecond training throughput
   */
  default void onStep(int epoch, int batch, int batches, double loss, double tokensPerSecond) {}

  /**
   * After each evaluation on the validation data, with the row written to {@code metrics.csv} (e.g.
   * {@code epoch}, {@code step}, {@code train_loss}, {@code valid_loss}, {@code valid_acc}).
   */
  default void onEvaluation(Map<String, Object> row) {}

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};
}
