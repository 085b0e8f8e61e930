package dev.seq4j.config;

/**
 * A Transformer encoder–decoder (Vaswani et al. 2017).
 *
 * @param dModel model width d (embeddings, every sublayer's input and output)
 * @param heads attention heads h; d must be a multiple of h (d_k = d / h)
 * @param ffn inner width of the position-wise feed-forward network
 * @param encoderLayers N for the encoder
 * @param decoderLayers N for the decoder
 * @param dropout on embeddings + positions, attention weights, every sublayer output and inside the
 *     feed-forward network
 * @param norm {@code post}: {@code LayerNorm(x + Sublayer(x))} as in the paper; {@code pre}: {@code
 *     x + Sublayer(LayerNorm(x))} with a final LayerNorm after each stack
 * @param tie {@code none}; {@code output}: the output projection is the target embedding
 *     (transposed); {@code all}: source, target and output share one matrix (needs {@code
 *     data.sharedVocabulary: true})
 * @param maxPositions length of the precomputed positional-encoding table
 */
public record TransformerConfig(
    int dModel,
    int heads,
    int ffn,
    int encoderLayers,
    int decoderLayers,
    double dropout,
    Norm norm,
    Tie tie,
    int maxPositions)
    implements ModelConfig {

  /** Where LayerNorm sits around each sublayer. */
  public enum Norm {
    POST,
    PRE
  }

  /** Which embedding matrices are shared. */
  public enum Tie {
    NONE,
    OUTPUT,
    ALL
  }

  static TransformerConfig read(Section s) {
    TransformerConfig c =
        new TransformerConfig(
            (int) s.integer("dModel", 512, 1, 65_536),
            (int) s.integer("heads", 8, 1, 1024),
            (int) s.integer("ffn", 2048, 1, 1 << 20),
            (int) s.integer("encoderLayers", 6, 1, 64),
            (int) s.integer("decoderLayers", 6, 1, 64),
            s.number("dropout", 0.1, Bound.atLeast(0), Bound.below(1)),
            s.choice("norm", Norm.POST, Norm.class),
            s.choice("tie", Tie.OUTPUT, Tie.class),
            (int) s.integer("maxPositions", 1024, 1, 1 << 20));
    if (c.dModel % c.heads != 0) {
      throw s.invalid("heads", "must divide model.dModel (" + c.dModel + "), was " + c.heads);
    }
    return c;
  }
}
