package dev.seq4j.model.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Embedding;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.LayerStack;
import dev.seq4j.model.rnn.RnnEncoder;
import dev.seq4j.model.rnn.RnnLayer;

/**
 * Surname → nationality:
 *
 * <pre>
 * e_t = E[c_t]                                   character embeddings (B, T, E), dropout
 * h   = RNN(e_1 … e_n)                           Elman, LSTM or GRU; layers; one or two directions
 * z   = [h→_n ; h←_1]                            the state at each name's true last character
 *                                                (and the backward state after its first)
 * y   = W_2 · dropout(relu(W_1 · dropout(z) + b_1)) + b_2      logits over the classes (B, C)
 * </pre>
 *
 * With {@code mlpHidden} 0 the MLP is one linear layer. The states are gathered at the true lengths
 * (padding never reaches them), so a padded batch predicts exactly what each name alone does.
 */
public final class NameClassifier implements NamesModel {
  private final Parameters params;
  private final Embedding embedding;
  private final RnnEncoder encoder;
  private final Linear hiddenLayer;
  private final Linear output;
  private final double dropout;
  private RnnLayer.Mode mode = RnnLayer.Mode.FUSED;

  /** A classifier over {@code vocabulary} characters into {@code classes} labels. */
  public NameClassifier(CharRnnConfig m, int vocabulary, int classes, NDManager manager) {
    this.params = new Parameters(manager);
    this.embedding = new Embedding(params, "embedding", vocabulary, m.embedding());
    this.encoder =
        new RnnEncoder(
            params,
            "encoder",
            new LayerStack(m.cell(), m.embedding(), m.hidden(), m.layers(), m.dropout()),
            m.bidirectional());
    int features = (m.bidirectional() ? 2 : 1) * m.hidden();
    this.hiddenLayer =
        m.mlpHidden() > 0 ? new Linear(params, "mlp.hidden", features, m.mlpHidden(), true) : null;
    this.output =
        new Linear(
            params, "mlp.output", m.mlpHidden() > 0 ? m.mlpHidden() : features, classes, true);
    this.dropout = m.dropout();
  }

  /**
   * Class logits.
   *
   * @param ids character ids (B, T) int64, padded at the end
   * @param lengths each name's true length (≥ 1)
   * @param training applies dropout
   * @return (B, C)
   */
  public NDArray logits(NDArray ids, int[] lengths, boolean training) {
    NDArray x = Dropout.apply(embedding.lookup(ids), dropout, training);
    RnnEncoder.Encoded e = encoder.encode(x, lengths, training, mode);
    NDArray z = e.forward().get(e.forward().size() - 1).h(); // (B, H)
    if (encoder.bidirectional()) {
      z = NDArrays.concat(new NDList(z, e.backward().get(e.backward().size() - 1).h()), 1);
    }
    z = Dropout.apply(z, dropout, training);
    if (hiddenLayer != null) {
      z = Dropout.apply(Activation.relu(hiddenLayer.apply(z)), dropout, training);
    }
    return output.apply(z);
  }

  @Override
  public Parameters parameters() {
    return params;
  }

  @Override
  public void setMode(RnnLayer.Mode mode) {
    this.mode = mode;
  }
}
