package dev.seq4j.train.optim;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** Updates parameters from their gradients, in place, then zeroes the gradients. */
public interface Optimizer {

  /** One update of every parameter with learning rate {@code lr}. */
  void step(Map<String, NDArray> params, double lr);

  /** The state to checkpoint (step count and per-parameter buffers), by name. */
  Map<String, NDArray> state();

  /** Restores a state returned by {@link #state()}. */
  void loadState(Map<String, NDArray> state);

  /**
   * The scalars of the state (such as Adam's step count), saved by name beside the trainer's
   * counters in {@code trainer.json}; none by default.
   */
  default Map<String, Long> counters() {
    return Map.of();
  }

  /**
   * Restores the counters of {@link #counters()} from {@code saved} (absent keys are left as they
   * are).
   */
  default void loadCounters(Map<String, ?> saved) {}
}
