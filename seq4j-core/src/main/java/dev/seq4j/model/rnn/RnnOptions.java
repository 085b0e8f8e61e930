package dev.seq4j.model.rnn;

/**
 * The shape of a recurrent encoder–decoder.
 *
 * @param cell Elman, LSTM or GRU
 * @param embedding embedding size E
 * @param hidden hidden size H of one direction
 * @param layers layers of the encoder and of the decoder
 * @param dropout dropout on embeddings, between layers and before the output layer
 * @param bidirectional whether the encoder reads both ways
 * @param bridge how a bidirectional encoder's final states initialise the decoder
 * @param contextEveryStep feed the context vector at every decoder step (Cho) besides the initial
 *     state (Sutskever)
 * @param reverseSource read the source backwards (Sutskever's trick)
 * @param initRange uniform ±initRange initialisation when > 0; PyTorch's defaults when 0
 * @param srcVocabulary source vocabulary size
 * @param trgVocabulary target vocabulary size
 */
public record RnnOptions(
    CellType cell,
    int embedding,
    int hidden,
    int layers,
    double dropout,
    boolean bidirectional,
    Bridge.Kind bridge,
    boolean contextEveryStep,
    boolean reverseSource,
    double initRange,
    int srcVocabulary,
    int trgVocabulary) {

  /** Validates every field. */
  public RnnOptions {
    positive("embedding", embedding);
    positive("hidden", hidden);
    positive("layers", layers);
    positive("srcVocabulary", srcVocabulary);
    positive("trgVocabulary", trgVocabulary);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
    }
    if (!(initRange >= 0) || Double.isInfinite(initRange)) {
      throw new IllegalArgumentException("initRange must be >= 0, was " + initRange);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
