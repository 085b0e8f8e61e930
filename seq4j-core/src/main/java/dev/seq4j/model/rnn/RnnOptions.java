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
 * @param attention the attention score over encoder states (Luong's placement: after the decoder
 *     step, {@code s~ = tanh(W_c[c; s] + b_c)}), or NONE for the plain encoder–decoder
 * @param decoder LUONG: attend from the new decoder state; BAHDANAU: attend from the previous state
 *     and feed the context into the recurrent input
 * @param inputFeeding Luong's input feeding: s~ of the previous step is part of the next input
 * @param outputBias the output layer has a bias b_y (Luong's {@code softmax(W_y s~ + b_y)}); false
 *     for {@code softmax(W_y s~)}
 * @param locationWidth width of the {@link dev.seq4j.model.attention.LocationTerm} over the
 *     previous attention weights (odd), or 0 for content-only attention
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
    int trgVocabulary,
    Attention attention,
    Decoder decoder,
    boolean inputFeeding,
    boolean outputBias,
    int locationWidth) {

  /** Where attention sits in the decoder. */
  public enum Decoder {
    LUONG,
    BAHDANAU
  }

  /** Attention scores. */
  public enum Attention {
    NONE,
    DOT,
    GENERAL,
    CONCAT,
    ADDITIVE
  }

  /** Content-only attention. */
  public RnnOptions(
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
      int trgVocabulary,
      Attention attention,
      Decoder decoder,
      boolean inputFeeding,
      boolean outputBias) {
    this(
        cell,
        embedding,
        hidden,
        layers,
        dropout,
        bidirectional,
        bridge,
        contextEveryStep,
        reverseSource,
        initRange,
        srcVocabulary,
        trgVocabulary,
        attention,
        decoder,
        inputFeeding,
        outputBias,
        0);
  }

  /** Options with an output bias and content-only attention. */
  public RnnOptions(
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
      int trgVocabulary,
      Attention attention,
      Decoder decoder,
      boolean inputFeeding) {
    this(
        cell,
        embedding,
        hidden,
        layers,
        dropout,
        bidirectional,
        bridge,
        contextEveryStep,
        reverseSource,
        initRange,
        srcVocabulary,
        trgVocabulary,
        attention,
        decoder,
        inputFeeding,
        true);
  }

  /** Options of a model without attention. */
  public RnnOptions(
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
    this(
        cell,
        embedding,
        hidden,
        layers,
        dropout,
        bidirectional,
        bridge,
        contextEveryStep,
        reverseSource,
        initRange,
        srcVocabulary,
        trgVocabulary,
        Attention.NONE,
        Decoder.LUONG,
        false);
  }

  /** Validates every field. */
  public RnnOptions {
    if (attention == Attention.NONE && (decoder == Decoder.BAHDANAU || inputFeeding)) {
      throw new IllegalArgumentException(
          "the Bahdanau decoder and input feeding need attention (attention is none)");
    }
    if (decoder == Decoder.BAHDANAU && inputFeeding) {
      throw new IllegalArgumentException(
          "input feeding belongs to the Luong decoder, not Bahdanau");
    }
    if (attention == Attention.DOT && bidirectional) {
      throw new IllegalArgumentException(
          "attention 'dot' needs encoder states of the decoder's size; with a bidirectional"
              + " encoder use general, concat or additive");
    }
    if (locationWidth != 0 && (locationWidth < 0 || locationWidth % 2 == 0)) {
      throw new IllegalArgumentException(
          "locationWidth must be 0 (off) or odd and >= 1, was " + locationWidth);
    }
    if (locationWidth != 0 && attention == Attention.NONE) {
      throw new IllegalArgumentException("locationWidth needs attention (attention is none)");
    }
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
