package dev.seq4j.train;

import java.util.Map;

/** Receives training progress (the CLI draws a progress bar from it). */
public interface TrainListener {

  /** After each step. */
  default void onStep(int epoch, int batch, int batches, double loss, double tokensPerSecond) {}

  /** After each evaluation, with the row written to metrics.csv. */
  default void onEvaluation(Map<String, Object> row) {}

  /** A listener that ignores everything. */
  TrainListener NONE = new TrainListener() {};
}
