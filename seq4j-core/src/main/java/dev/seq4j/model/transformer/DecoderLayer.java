package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import dev.seq4j.model.Parameters;

/**
 * One decoder layer (Vaswani et al. 2017, section 3.1): masked self-attention, encoder–decoder
 * attention over the encoder output ("memory"), then the feed-forward network, each inside a {@link
 * Residual} connection with its LayerNorm.
 */
public final class DecoderLayer {
  private final MultiHeadAttention selfAttention;
  private final MultiHeadAttention crossAttention;
  private final FeedForward feedForward;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final LayerNorm norm3;
  private final Residual residual;

  DecoderLayer(Parameters params, String name, TransformerConfig o) {
    Sublayers make = new Sublayers(params, name, o);
    this.selfAttention = make.attention("self_attention");
    this.crossAttention = make.attention("cross_attention");
    this.feedForward = make.feedForward();
    this.norm1 = make.norm(1);
    this.norm2 = make.norm(2);
    this.norm3 = make.norm(3);
    this.residual = new Residual(o.norm() == TransformerConfig.Norm.PRE, o.dropout());
  }

  /** Projects the encoder output (B, S, d) to this layer's encoder–decoder keys and values. */
  public MultiHeadAttention.KeyValues memory(NDArray encoded) {
    return crossAttention.project(encoded);
  }

  /**
   * The layer over new positions {@code x} (B, T, d).
   *
   * @param past self-attention keys and values of earlier positions (the cache), or null
   * @param causal additive bias over (T, past + T) hiding later positions, or null when T = 1
   * @param memory this layer's {@link #memory} keys and values
   * @param padding additive source-padding bias (B, 1, 1, S)
   */
  public Output apply(
      NDArray x,
      MultiHeadAttention.KeyValues past,
      NDArray causal,
      MultiHeadAttention.KeyValues memory,
      NDArray padding,
      boolean training) {
    NDArray h = residual.input(x, norm1);
    MultiHeadAttention.KeyValues kv = selfAttention.project(h);
    if (past != null) {
      kv = past.append(kv);
    }
    MultiHeadAttention.Result self = selfAttention.attend(h, kv, causal, training);
    x = residual.add(x, self.output(), norm1, training);
    MultiHeadAttention.Result cross =
        crossAttention.attend(residual.input(x, norm2), memory, padding, training);
    x = residual.add(x, cross.output(), norm2, training);
    x = residual.add(x, feedForward.apply(residual.input(x, norm3), training), norm3, training);
    return new Output(x, kv, self.weights(), cross.weights());
  }

  /**
   * The layer's output (B, T, d), its self-attention keys and values over every position so far
   * (the next step's cache), the self-attention weights (B, h, T, past + T) and the encoder–decoder
   * weights (B, h, T, S).
   */
  public record Output(
      NDArray x,
      MultiHeadAttention.KeyValues selfKeyValues,
      NDArray selfWeights,
      NDArray crossWeights) {}
}
