package dev.seq4j.model.transformer;

import dev.seq4j.model.Parameters;

/**
 * Makes the sublayers of encoder and decoder layer {@code name} with the widths, heads and dropout
 * of one configuration, registering their weights as {@code NAME.self_attention.*}, {@code
 * NAME.ffn.*}, {@code NAME.norm1.*} and so on.
 */
record Sublayers(Parameters params, String name, TransformerConfig o) {

  /** Multi-head attention {@code NAME.KIND} (self or encoder–decoder). */
  MultiHeadAttention attention(String kind) {
    return new MultiHeadAttention(params, name + "." + kind, o.dModel(), o.heads(), o.dropout());
  }

  /** The position-wise feed-forward network {@code NAME.ffn}. */
  FeedForward feedForward() {
    return new FeedForward(params, name + ".ffn", o.dModel(), o.ffn(), o.dropout());
  }

  /** LayerNorm {@code NAME.norm<i>}. */
  LayerNorm norm(int i) {
    return new LayerNorm(params, name + ".norm" + i, o.dModel());
  }
}
