package dev.seq4j.train.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Token-level cross-entropy that ignores padding, with optional label smoothing ε over the V
 * classes (PyTorch's {@code CrossEntropyLoss(label_smoothing=ε)}):
 *
 * <pre>
 * nll_t    = -log p(y_t)
 * smooth_t = -(1/V) Σ_v log p(v)
 * loss     = Σ_t mask_t · ((1-ε)·nll_t + ε·smooth_t)
 * </pre>
 *
 * Padded positions contribute exactly 0 to the loss and its gradient.
 */
public final class MaskedCrossEntropy {
  private MaskedCrossEntropy() {}

  /**
   * The loss of a batch.
   *
   * @param logits (B, T, V)
   * @param targets (B, T) int64
   * @param mask (B, T) boolean, true at real positions
   * @param labelSmoothing ε in [0, 1)
   */
  public static Result loss(NDArray logits, NDArray targets, NDArray mask, double labelSmoothing) {
    NDArray logp = logits.logSoftmax(2); // (B, T, V)
    NDArray nll = logp.gather(targets.expandDims(2), 2).squeeze(2).neg(); // (B, T)
    NDArray perToken = nll;
    if (labelSmoothing > 0) {
      NDArray smooth = logp.mean(new int[] {2}).neg(); // (B, T)
      perToken = nll.mul(1 - labelSmoothing).add(smooth.mul(labelSmoothing));
    }
    NDArray m = mask.toType(DataType.FLOAT32, false);
    NDArray sum = perToken.mul(m).sum();
    long tokens = mask.toType(DataType.INT64, false).sum().getLong();
    NDArray hits = logits.argMax(2).eq(targets).logicalAnd(mask);
    long correct = hits.toType(DataType.INT64, false).sum().getLong();
    return new Result(sum, tokens, correct);
  }

  /**
   * @param sum summed loss over real tokens (scalar, differentiable)
   * @param tokens number of real tokens
   * @param correct real tokens whose argmax equals the target
   */
  public record Result(NDArray sum, long tokens, long correct) {}
}
