package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import dev.seq4j.model.Parameters;

/**
 * One encoder layer (Vaswani et al. 2017, section 3.1): self-attention, then the feed-forward
 * network, each inside a {@link Residual} connection with its LayerNorm.
 */
public final class EncoderLayer {
  private final MultiHeadAttention selfAttention;
  private final FeedForward feedForward;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final Residual residual;

  EncoderLayer(Parameters params, String name, TransformerConfig o) {
    Sublayers make = new Sublayers(params, name, o);
    this.selfAttention = make.attention("self_attention");
    this.feedForward = make.feedForward();
    this.norm1 = make.norm(1);
    this.norm2 = make.norm(2);
    this.residual = new Residual(o.norm() == TransformerConfig.Norm.PRE, o.dropout());
  }

  /**
   * (B, S, d) → (B, S, d), with the self-attention weights (B, h, S, S).
   *
   * @param padding additive source-padding bias (B, 1, 1, S)
   */
  public Output apply(NDArray x, NDArray padding, boolean training) {
    NDArray h = residual.input(x, norm1);
    MultiHeadAttention.Result a =
        selfAttention.attend(h, selfAttention.project(h), padding, training);
    x = residual.add(x, a.output(), norm1, training);
    x = residual.add(x, feedForward.apply(residual.input(x, norm2), training), norm2, training);
    return new Output(x, a.weights());
  }

  /** The layer's output (B, S, d) and its self-attention weights (B, h, S, S). */
  public record Output(NDArray x, NDArray selfWeights) {}
}
