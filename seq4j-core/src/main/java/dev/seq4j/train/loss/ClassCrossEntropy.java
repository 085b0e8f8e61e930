package dev.seq4j.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Cross-entropy of one label per row, optionally weighted per class and label-smoothed, reduced as
 * PyTorch's {@code CrossEntropyLoss(weight=w, label_smoothing=ε)} does:
 *
 * <pre>
 * ℓ_i  = (1-ε)·(-log p(y_i)) + ε·(-(1/C) Σ_c log p(c))
 * loss = Σ_i w[y_i]·ℓ_i / Σ_i w[y_i]          (w = 1 without weights: the plain mean)
 * </pre>
 *
 * The result's {@code sum} is that mean times the number of rows, so {@code sum / tokens} is the
 * loss the trainer back-propagates and reports.
 */
public final class ClassCrossEntropy {
  private ClassCrossEntropy() {}

  /**
   * The loss of a batch.
   *
   * @param logits (B, C)
   * @param labels (B) int64
   * @param weights (C) float32 per-class weights, or null for none
   * @param labelSmoothing ε in [0, 1)
   */
  public static MaskedCrossEntropy.Result loss(
      NDArray logits, NDArray labels, NDArray weights, double labelSmoothing) {
    long rows = logits.getShape().get(0);
    NDArray logp = logits.logSoftmax(1); // (B, C)
    NDArray perRow = logp.gather(labels.expandDims(1), 1).squeeze(1).neg(); // (B)
    if (labelSmoothing > 0) {
      NDArray smooth = logp.mean(new int[] {1}).neg();
      perRow = perRow.mul(1 - labelSmoothing).add(smooth.mul(labelSmoothing));
    }
    NDArray sum;
    if (weights == null) {
      sum = perRow.sum();
    } else {
      NDArray w =
          weights.broadcast(logits.getShape()).gather(labels.expandDims(1), 1).squeeze(1); // (B)
      sum = perRow.mul(w).sum().div(w.sum()).mul(rows);
    }
    long correct = logits.argMax(1).eq(labels).toType(DataType.INT64, false).sum().getLong();
    return new MaskedCrossEntropy.Result(sum, rows, correct);
  }

  /**
   * Balanced class weights {@code n / (C · n_c)} (scikit-learn's "balanced"): a class with no
   * examples gets weight 0.
   */
  public static float[] balanced(int[] counts) {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    float[] w = new float[counts.length];
    for (int c = 0; c < counts.length; c++) {
      w[c] = counts[c] == 0 ? 0f : (float) (n / ((double) counts.length * counts[c]));
    }
    return w;
  }
}
