package dev.seq4j.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** The trainer's counters; saved in {@code trainer.json} so {@code --resume} continues exactly. */
final class TrainState {
  int epoch;
  int batchInEpoch;
  long step;
  double best = Double.NaN;
  double bestEpoch = Double.NaN;
  int badEvaluations;
  long skipped;

  /** Of the skipped steps, those whose batch ran out of memory. */
  long outOfMemory;

  /** The lowest per-token loss of a step so far (NaN before the first), for divergence. */
  double lowestLoss = Double.NaN;

  double seconds;
  double trainSeconds;
  long trainTokensTotal;
  private double windowLoss;
  private long windowTokens;
  private long windowCorrect;
  private double recentLoss = Double.NaN;

  void record(double lossSum, long tokens, long correct) {
    windowLoss += lossSum;
    windowTokens += tokens;
    windowCorrect += correct;
    trainTokensTotal += tokens;
    double l = lossSum / tokens;
    recentLoss = Double.isNaN(recentLoss) ? l : 0.9 * recentLoss + 0.1 * l;
  }

  double windowLoss() {
    return recentLoss;
  }

  double trainLoss() {
    return windowTokens == 0 ? Double.NaN : windowLoss / windowTokens;
  }

  double trainAccuracy() {
    return windowTokens == 0 ? Double.NaN : windowCorrect / (double) windowTokens;
  }

  void resetWindow() {
    windowLoss = 0;
    windowTokens = 0;
    windowCorrect = 0;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("batchInEpoch", batchInEpoch);
    m.put("step", step);
    m.put("best", Double.isNaN(best) ? null : best);
    m.put("bestEpoch", Double.isNaN(bestEpoch) ? null : bestEpoch);
    m.put("badEvaluations", badEvaluations);
    m.put("skipped", skipped);
    m.put("outOfMemory", outOfMemory);
    m.put("lowestLoss", Double.isNaN(lowestLoss) ? null : lowestLoss);
    m.put("seconds", seconds);
    m.put("trainSeconds", trainSeconds);
    m.put("trainTokensTotal", trainTokensTotal);
    m.put("windowLoss", windowLoss);
    m.put("windowTokens", windowTokens);
    m.put("windowCorrect", windowCorrect);
    return m;
  }

  void load(Map<String, Object> m) {
    epoch = ((Number) m.get("epoch")).intValue();
    batchInEpoch = ((Number) m.get("batchInEpoch")).intValue();
    step = ((Number) m.get("step")).longValue();
    best = m.get("best") == null ? Double.NaN : ((Number) m.get("best")).doubleValue();
    bestEpoch =
        m.get("bestEpoch") == null ? Double.NaN : ((Number) m.get("bestEpoch")).doubleValue();
    badEvaluations = ((Number) m.get("badEvaluations")).intValue();
    skipped = ((Number) m.get("skipped")).longValue();
    // absent in checkpoints written before out-of-memory batches were skipped
    outOfMemory = m.get("outOfMemory") == null ? 0 : ((Number) m.get("outOfMemory")).longValue();
    // absent in checkpoints written before divergence detection
    lowestLoss =
        m.get("lowestLoss") == null ? Double.NaN : ((Number) m.get("lowestLoss")).doubleValue();
    seconds = ((Number) m.get("seconds")).doubleValue();
    trainSeconds = ((Number) m.get("trainSeconds")).doubleValue();
    trainTokensTotal = ((Number) m.get("trainTokensTotal")).longValue();
    windowLoss = ((Number) m.get("windowLoss")).doubleValue();
    windowTokens = ((Number) m.get("windowTokens")).longValue();
    windowCorrect = ((Number) m.get("windowCorrect")).longValue();
  }
}
