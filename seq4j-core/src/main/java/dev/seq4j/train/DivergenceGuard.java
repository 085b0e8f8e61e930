package dev.seq4j.train;

import dev.seq4j.config.TrainConfig;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's one policy for a run going wrong. A step whose loss or gradient norm is not finite
 * stops the run ({@code train.nanPolicy: abort}) or is skipped ({@code skip}); more than {@code
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

  private final TrainConfig cfg;
  private final TrainState state;

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

  /** After each step: stops a run that has skipped more than its share of steps. */
  void checkSkippedShare() {
    if (state.step >= MIN_STEPS && state.skipped > cfg.maxSkippedShare() * state.step) {
      throw new TrainingException(
          String.format(
              "%d of %d steps skipped for a non-finite loss or gradient norm, more than"
                  + " train.maxSkippedShare (%s) allows, at epoch %d: %s)",
              state.skipped, state.step, cfg.maxSkippedShare(), state.epoch + 1, ADVICE));
    }
  }

  /** Stops a run whose validation loss is not finite; all-NaN figures mean nothing to validate. */
  void checkValidation(Map<String, Double> figures) {
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
