package dev.seq4j.model.transformer;

/**
 * The shape of a {@link TransformerSeq2Seq}.
 *
 * @param d model width
 * @param heads attention heads (d must be a multiple)
 * @param ffn inner width of the feed-forward network
 * @param encoderLayers encoder layers N
 * @param decoderLayers decoder layers N
 * @param dropout dropout probability everywhere (embeddings, attention weights, sublayers, FFN)
 * @param preNorm LayerNorm before each sublayer instead of after the residual sum
 * @param tie which embedding matrices are shared
 * @param maxPositions positional-encoding table length (longest sequence)
 */
public record TransformerOptions(
    int d,
    int heads,
    int ffn,
    int encoderLayers,
    int decoderLayers,
    double dropout,
    boolean preNorm,
    Tie tie,
    int maxPositions,
    int srcVocabulary,
    int trgVocabulary) {

  /** Shared embedding matrices (Press and Wolf 2017). */
  public enum Tie {
    /** Separate source, target and output matrices (the output has a bias). */
    NONE,
    /** The output projection is the target embedding, transposed. */
    OUTPUT,
    /** Source embedding, target embedding and output projection are one matrix. */
    ALL
  }

  /** Validates the fields. */
  public TransformerOptions {
    positive("d", d);
    positive("heads", heads);
    positive("ffn", ffn);
    positive("encoderLayers", encoderLayers);
    positive("decoderLayers", decoderLayers);
    positive("maxPositions", maxPositions);
    positive("srcVocabulary", srcVocabulary);
    positive("trgVocabulary", trgVocabulary);
    if (d % heads != 0) {
      throw new IllegalArgumentException("heads must divide d (" + d + "), was " + heads);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
    }
    if (tie == Tie.ALL && srcVocabulary != trgVocabulary) {
      throw new IllegalArgumentException(
          "tie all needs one vocabulary for both sides, sizes were "
              + srcVocabulary
              + " and "
              + trgVocabulary);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
