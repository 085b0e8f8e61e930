package dev.seq4j.train;

import ai.djl.ndarray.NDManager;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.util.List;
import java.util.Map;

/**
 * What {@link Trainer} trains: the model, its batches, the loss of one batch and the validation
 * figures. The loop itself (optimizer, schedule, clipping, checkpoints, metrics, early stopping,
 * time limits, resume) is the same for every task.
 *
 * @param <B> a batch
 */
public interface TrainingTask<B> {

  /** The model the checkpoints hold. */
  SavedModel model();

  /**
   * The batches of one epoch; the same seed must give the same batches, so a resumed run continues
   * exactly.
   *
   * @param shuffleSeed the epoch's seed (the trainer derives it from the run's seed and the epoch);
   *     it seeds the order when {@code train.shuffle} is on
   */
  List<B> batches(long shuffleSeed);

  /**
   * The loss of {@code batch} in training mode, its arrays created in {@code scope}.
   *
   * @param step the 1-based update number (seeds per-step randomness)
   * @return the summed loss (differentiable), the number of predictions it sums over and how many
   *     of them were right
   */
  MaskedCrossEntropy.Result loss(B batch, NDManager scope, long step);

  /** {@code batch} in a few words for a message, e.g. its sentences and tokens. */
  default String describe(B batch) {
    return "a batch";
  }

  /**
   * Validation figures, keyed as the {@code metrics.csv} columns they become ({@code valid_loss},
   * {@code valid_acc}, …). The trainer's {@code train.metric} reads {@code valid_loss}, {@code
   * valid_acc} or {@code valid_bleu}.
   */
  Map<String, Double> validate();

  /**
   * A few fixed validation inputs the trainer decodes and shows every {@code train.sampleEvery}
   * steps and at each evaluation; none by default.
   */
  default SampleTranslations samples() {
    return SampleTranslations.NONE;
  }
}
