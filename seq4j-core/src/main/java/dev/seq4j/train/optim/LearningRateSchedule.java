package dev.seq4j.train.optim;

import dev.seq4j.config.TrainConfig;
import java.util.Map;

/**
 * The learning rate as a function of training progress and validation results.
 *
 * <ul>
 *   <li>constant: {@code lr}
 *   <li>halving (Sutskever et al. 2014, "after 5 epochs we began halving the learning rate every
 *       half epoch"): {@code lr} while epoch &lt; k, then {@code lr · 0.5^(⌊2(epoch-k)⌋ + 1)},
 *       where epoch counts completed epochs as a real number
 *   <li>plateau: multiply by a factor after {@code patience} evaluations without improvement
 *   <li>inverse-sqrt (Vaswani et al. 2017, section 5.3, with {@code lr} as the peak): {@code lr ·
 *       min(step / warmup, √(warmup / step))}, a linear warm-up over {@code warmup} steps, then
 *       decay with the inverse square root of the step number
 * </ul>
 */
public final class LearningRateSchedule {
  private final TrainConfig.Schedule kind;
  private final double base;
  private final int halvingStart;
  private final int warmup;
  private final double factor;
  private final int patience;
  private double plateauRate;
  private double best = Double.NaN;
  private int bad;

  /** The schedule of a training configuration. */
  public LearningRateSchedule(TrainConfig c) {
    this.kind = c.schedule();
    this.base = c.learningRate();
    this.halvingStart = c.halvingStartEpoch();
    this.warmup = c.warmupSteps();
    this.factor = c.plateauFactor();
    this.patience = c.plateauPatience();
    this.plateauRate = base;
  }

  /**
   * The rate of update number {@code step} (1-based), taken after {@code epoch} completed epochs
   * (fractional).
   */
  public double rate(double epoch, long step) {
    return switch (kind) {
      case INVERSE_SQRT -> {
        double n = Math.max(1, step);
        yield base * Math.min(n / warmup, Math.sqrt(warmup / n));
      }
      case CONSTANT -> base;
      case HALVING ->
          epoch < halvingStart
              ? base
              : base * Math.pow(0.5, Math.floor(2 * (epoch - halvingStart)) + 1);
      case PLATEAU -> plateauRate;
    };
  }

  /** Feeds a validation result (plateau schedule only). */
  public void onValidation(double metric, boolean lowerIsBetter) {
    if (kind != TrainConfig.Schedule.PLATEAU || Double.isNaN(metric)) {
      return;
    }
    boolean improved = Double.isNaN(best) || (lowerIsBetter ? metric < best : metric > best);
    if (improved) {
      best = metric;
      bad = 0;
    } else if (++bad > patience) {
      plateauRate *= factor;
      bad = 0;
    }
  }

  /** State for a checkpoint. */
  public Map<String, Double> state() {
    return Map.of("plateauRate", plateauRate, "best", best, "bad", (double) bad);
  }

  /** Restores {@link #state()}. */
  public void loadState(Map<String, Double> s) {
    plateauRate = s.getOrDefault("plateauRate", base);
    best = s.getOrDefault("best", Double.NaN);
    bad = s.getOrDefault("bad", 0.0).intValue();
  }
}
