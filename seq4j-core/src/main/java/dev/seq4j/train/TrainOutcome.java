package dev.seq4j.train;

/**
 * Why {@link Trainer#fit} returned. Each outcome has the label that {@code metrics.json} ({@code
 * "outcome"}) and the CLI's {@code train: outcome=…} line show; {@link #toString} is that label. A
 * run that goes wrong has no outcome: it throws {@link TrainingException} (a non-finite loss or
 * gradient norm with {@code train.nanPolicy: abort}, more than {@code train.maxSkippedShare} of the
 * steps skipped, a loss over {@code train.divergenceFactor} times its running minimum, a non-finite
 * validation loss, or a non-finite parameter about to be saved), checkpoints as they were.
 */
public enum TrainOutcome {
  /** Every configured epoch ran ({@code train.epochs}). */
  COMPLETED("completed"),
  /** A stop was requested ({@link Trainer#requestStop}, e.g. on Ctrl-C); {@code last/} is saved. */
  INTERRUPTED("interrupted"),
  /** {@code train.patience} evaluations in a row did not improve the validation metric. */
  EARLY_STOPPED("early-stopped"),
  /** {@code train.maxSteps} updates were made; the partial epoch was evaluated. */
  MAX_STEPS("max-steps"),
  /** {@code train.timeLimitMinutes} ran out; the partial epoch was evaluated. */
  TIME_LIMIT("time-limit");

  private final String label;

  TrainOutcome(String label) {
    this.label = label;
  }

  /** The label users see, e.g. {@code early-stopped}. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
