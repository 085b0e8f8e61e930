package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;

/**
 * The position-wise feed-forward network (Vaswani et al. 2017, section 3.3), with dropout on the
 * inner activation as in {@code torch.nn.TransformerEncoderLayer}:
 *
 * <pre>
 * FFN(x) = max(0, x W_1 + b_1) W_2 + b_2          W_1: (d, ffn)   W_2: (ffn, d)
 * </pre>
 */
public final class FeedForward {
  private final Linear inner;
  private final Linear outer;
  private final double dropout;

  /** Registers {@code NAME.inner} and {@code NAME.outer}. */
  public FeedForward(Parameters params, String name, int d, int ffn, double dropout) {
    this.inner = Linear.xavier(params, name + ".inner", d, ffn, 1.0 / Math.sqrt(d));
    this.outer = Linear.xavier(params, name + ".outer", ffn, d, 1.0 / Math.sqrt(ffn));
    this.dropout = dropout;
  }

  /** (..., d) → (..., d). */
  public NDArray apply(NDArray x, boolean training) {
    return outer.apply(Dropout.apply(Activation.relu(inner.apply(x)), dropout, training));
  }
}
