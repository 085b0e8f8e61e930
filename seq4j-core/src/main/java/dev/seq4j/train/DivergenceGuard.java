package dev.seq4j.train;

import dev.seq4j.config.TrainConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's one policy for a run going wrong. A step whose loss or gradient norm is not finite
 * stops the run ({@code train.nanPolicy: abort}) or is skipped ({@code skip}); a batch that runs
 * out of memory (Java heap or the native allocator) is skipped with a warning, and {@value
 * #MAX_OUT_OF_MEMORY_IN_A_ROW} such batches in a row stop the run; more than {@code
 * train.maxSkippedShare} of the steps skipped, counted from step {@value #MIN_STEPS} on, stops it;
 * so does a step loss over {@code train.divergenceFactor} times the lowest step loss so far
 * (counted as at least {@value #LOSS_FLOOR}), and a non-finite validation loss. Stopping is a
 * {@link TrainingException} thrown before anything of that step or evaluation is written.
 */
final class DivergenceGuard {
  /** Steps before the skipped share is judged. */
  static final int MIN_STEPS = 20;

  /** The lowest loss divergence is measured from, so a nearly perfect fit is no hair trigger. */
  static final double LOSS_FLOOR = 0.01;

  private static final Logger LOG = LoggerFactory.getLogger(DivergenceGuard.class);
  private static final String ADVICE =
      "training stopped; checkpoints were not overwritten (lower train.learningRate, set"
          + " train.clipNorm";

  /** Batches in a row that may run out of memory before the run stops. */
  static final int MAX_OUT_OF_MEMORY_IN_A_ROW = 3;

  private final TrainConfig cfg;
  private final TrainState state;
  private int outOfMemoryInARow;

  DivergenceGuard(TrainConfig cfg, TrainState state) {
    this.cfg = cfg;
    this.state = state;
  }

  /**
   * Judges the current step's {@code loss} and gradient {@code norm}.
   *
   * @return true when the step is to be skipped (non-finite, {@code train.nanPolicy: skip})
   * @throws TrainingException when the run must stop
   */
  boolean skipStep(double loss, double norm) {
    if (Double.isFinite(loss) && Double.isFinite(norm)) {
      checkDivergence(loss);
      return false;
    }
    if (cfg.nanPolicy() == TrainConfig.NanPolicy.ABORT) {
      throw new TrainingException(
          String.format(
              "non-finite %s at epoch %d, step %d: %s, or train.nanPolicy=skip)",
              Double.isFinite(loss) ? "gradient norm" : "loss (" + loss + ")",
              state.epoch + 1,
              state.step,
              ADVICE));
    }
    state.skipped++;
    LOG.warn("skipped step {}: non-finite loss or gradient", state.step);
    return true;
  }

  /**
   * Counts the current step, whose {@code batch} ran out of memory ({@code e}), as skipped.
   *
   * @throws TrainingException at the {@value #MAX_OUT_OF_MEMORY_IN_A_ROW}th such batch in a row
   */
  void skipOutOfMemory(String batch, Throwable e) {
    state.skipped++;
    state.outOfMemory++;
    outOfMemoryInARow++;
    String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cause = cause.lines().findFirst().orElse("");
    if (outOfMemoryInARow >= MAX_OUT_OF_MEMORY_IN_A_ROW) {
      throw new TrainingException(
          String.format(
              "out of memory on %d batches in a row, the last at epoch %d, step %d (%s: %s):"
                  + " training stopped; checkpoints were not overwritten (lower train.batchSize,"
                  + " train.batchTokens or data.maxLength, or give the process more memory)",
              outOfMemoryInARow, state.epoch + 1, state.step, batch, cause));
    }
    LOG.warn(
        "skipped step {}: out of memory on {} ({}); {} of {} steps skipped so far",
        state.step,
        batch,
        cause,
        state.skipped,
        state.step);
  }

  /** After a step that did not run out of memory. */
  void stepFitInMemory() {
    outOfMemoryInARow = 0;
  }

  /** After each step: stops a run that has skipped more than its share of steps. */
  void checkSkippedShare() {
    if (state.step >= MIN_STEPS && state.skipped > cfg.maxSkippedShare() * state.step) {
      String why =
          state.outOfMemory == 0
              ? "for a non-finite loss or gradient norm"
              : String.format(
                  "(%d out of memory, %d for a non-finite loss or gradient norm)",
                  state.outOfMemory, state.skipped - state.outOfMemory);
      throw new TrainingException(
          String.format(
              "%d of %d steps skipped %s, more than train.maxSkippedShare (%s) allows, at epoch"
                  + " %d: %s)",
              state.skipped, state.step, why, cfg.maxSkippedShare(), state.epoch + 1, ADVICE));
    }
  }

  /**
   * Stops a run whose validation loss is not finite (all-NaN figures mean nothing to validate), and
   * one that has skipped every step so far: its weights are the initial ones, and a checkpoint of
   * them would pass for a trained model (before step {@value #MIN_STEPS}, the share rule says
   * nothing).
   */
  void checkValidation(Map<String, Double> figures) {
    if (state.step > 0 && state.skipped == state.step) {
      throw new TrainingException(
          String.format(
              "all %d steps were skipped (%d out of memory, %d for a non-finite loss or gradient"
                  + " norm): nothing was learned, %s)",
              state.step, state.outOfMemory, state.skipped - state.outOfMemory, ADVICE));
    }
    Double loss = figures.get("valid_loss");
    if (loss == null || Double.isFinite(loss)) {
      return;
    }
    if (loss.isNaN() && figures.values().stream().allMatch(f -> f.isNaN())) {
      return; // no validation data
    }
    throw new TrainingException(
        String.format(
            "non-finite validation loss (%s) after step %d: %s)", loss, state.step, ADVICE));
  }

  private void checkDivergence(double loss) {
    double lowest = state.lowestLoss;
    if (cfg.divergenceFactor() > 0
        && !Double.isNaN(lowest)
        && loss > cfg.divergenceFactor() * Math.max(lowest, LOSS_FLOOR)) {
      throw new TrainingException(
          String.format(
              "diverged at epoch %d, step %d: training loss %.4g is more than"
                  + " train.divergenceFactor (%s) times the lowest so far (%.4g): %s)",
              state.epoch + 1, state.step, loss, cfg.divergenceFactor(), lowest, ADVICE));
    }
    if (Double.isNaN(lowest) || loss < lowest) {
      state.lowestLoss = loss;
    }
  }
}
