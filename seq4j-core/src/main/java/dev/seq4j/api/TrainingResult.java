package dev.seq4j.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a training run ended ({@link Training#train}).
 *
 * @param outcome why training stopped
 * @param epochs epochs run (the last possibly partial)
 * @param steps optimizer steps taken
 * @param seconds wall time of training
 * @param metric the validation metric that chose the best checkpoint, e.g. {@code loss} or {@code
 *     accuracy} ({@code train.metric})
 * @param bestMetric its best value
 * @param runDir the run directory: load it with {@link TranslationModel#load} or {@link
 *     NamesModel#load}
 * @param test names models: the test-split figures ({@code test.json}); empty otherwise
 */
public record TrainingResult(
    Outcome outcome,
    int epochs,
    long steps,
    double seconds,
    String metric,
    double bestMetric,
    Path runDir,
    Map<String, Object> test) {

  /** Why a run stopped (a run that fails throws instead). */
  public enum Outcome {
    /** Every configured epoch ran. */
    COMPLETED,
    /** A stop was requested. */
    INTERRUPTED,
    /** The validation metric stopped improving ({@code train.patience}). */
    EARLY_STOPPED,
    /** {@code train.maxSteps} updates were made. */
    MAX_STEPS,
    /** {@code train.timeLimitMinutes} ran out. */
    TIME_LIMIT
  }
}
