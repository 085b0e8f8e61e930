/**
 * The Transformer (Vaswani et al. 2017, "Attention Is All You Need"), built from its parts so each
 * reads like the paper: {@link dev.seq4j.model.transformer.SinusoidalPositionalEncoding} (section
 * 3.5), {@link dev.seq4j.model.transformer.MultiHeadAttention} (3.2), {@link
 * dev.seq4j.model.transformer.FeedForward} (3.3), {@link dev.seq4j.model.transformer.LayerNorm}
 * with residual connections ({@link dev.seq4j.model.transformer.Residual}), {@link
 * dev.seq4j.model.transformer.EncoderLayer} and {@link dev.seq4j.model.transformer.DecoderLayer}
 * (3.1), assembled in {@link dev.seq4j.model.transformer.TransformerSeq2Seq}, which is built from
 * {@link dev.seq4j.model.transformer.TransformerConfig} (the {@code model:} section with {@code
 * type: transformer}; in code, {@code TransformerConfig.builder()}).
 *
 * <p>Shapes: B batch, S source length, T target length, d model width, h heads, d_k = d / h.
 * Attention masks are additive biases, 0 where attending is allowed and -10⁹ where it is not, so a
 * masked weight underflows to exactly 0. Incremental decoding caches each decoder layer's
 * self-attention keys and values (written per step into a preallocated {@link
 * dev.seq4j.model.transformer.KeyValueCache}) and the encoder–decoder keys and values (computed
 * once per sentence), and projects a step's query, key and value in one product. New blocks
 * (relative positions, other norms) belong here.
 */
package dev.seq4j.model.transformer;
