package dev.seq4j.bench;

/**
 * Floating-point operations of the matrix products in one training step of the P2 and P3 models,
 * counted from their shapes, so that a measured step rate can be set against the machine's matmul
 * peak (P0). A product of an (m × k) and a (k × n) matrix is {@code 2mkn} operations; a training
 * step is three times the forward products (the backward pass computes two products per forward
 * one: the gradient of the input and of the weight). Element-wise work (activations, softmax,
 * norms, dropout, the optimizer) is not counted: it is what keeps a step below the peak.
 */
public final class TrainingFlops {
  private TrainingFlops() {}

  /**
   * One step of an LSTM encoder–decoder with Luong dot attention over all source positions and the
   * attentional layer {@code tanh(W_c[c; s])} (the P2 model): per layer and token, the four gates
   * read input and hidden state; per target token, scores and context against every source
   * position, {@code W_c} and the output projection.
   */
  public static double rnnAttention(
      int embedding, int hidden, int layers, int vocab, int batch, int srcLength, int trgLength) {
    double perLayerStack = 0;
    for (int l = 0; l < layers; l++) {
      int in = l == 0 ? embedding : hidden;
      perLayerStack += 4.0 * (in + hidden) * hidden;
    }
    double encoder = perLayerStack * batch * srcLength;
    double decoder = perLayerStack * batch * trgLength;
    double attention = (2.0 * srcLength * hidden + 2.0 * hidden * hidden) * batch * trgLength;
    double output = (double) hidden * vocab * batch * trgLength;
    return training(encoder + decoder + attention + output);
  }

  /**
   * One step of a Transformer encoder–decoder (the P3 model): per layer and token the query, key,
   * value and output projections, scores and weighted values against every position (masked
   * positions are computed too, as both sides do), the feed-forward block; the decoder's
   * cross-attention projects the source's keys and values once per source token; the output
   * projection once per target token.
   */
  public static double transformer(
      int dModel,
      int ffn,
      int encoderLayers,
      int decoderLayers,
      int vocab,
      int batch,
      int srcLength,
      int trgLength) {
    double d = dModel;
    double feedForward = 2 * d * ffn;
    double encoderToken = 4 * d * d + 2.0 * srcLength * d + feedForward;
    double decoderToken =
        4 * d * d + 2.0 * trgLength * d + 2 * d * d + 2.0 * srcLength * d + feedForward;
    double encoder = encoderToken * encoderLayers * batch * srcLength;
    double decoder = decoderToken * decoderLayers * batch * trgLength;
    double crossKeysValues = 2 * d * d * decoderLayers * batch * srcLength;
    double output = d * vocab * batch * trgLength;
    return training(encoder + decoder + crossKeysValues + output);
  }

  /** Forward multiply-adds to training operations: 2 per multiply-add, forward + backward = 3×. */
  private static double training(double multiplyAdds) {
    return 3 * 2 * multiplyAdds;
  }
}
