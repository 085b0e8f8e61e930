package dev.seq4j.model.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.LayerStack;
import dev.seq4j.model.rnn.RnnEncoder;

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
public final class NameClassifier extends NamesModel {
  private final RnnEncoder encoder;
  private final Linear hiddenLayer;
  private final Linear output;

  /** A classifier over {@code vocabulary} characters into {@code classes} labels. */
  public NameClassifier(CharRnnConfig m, int vocabulary, int classes, NDManager manager) {
    super(m, vocabulary, manager);
    Parameters params = parameters();
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
    NDArray x = dropout(embed(ids), training);
    RnnEncoder.Encoded e = encoder.encode(x, lengths, training, mode());
    NDArray z = e.forward().get(e.forward().size() - 1).h(); // (B, H)
    if (encoder.bidirectional()) {
      z = NDArrays.concat(new NDList(z, e.backward().get(e.backward().size() - 1).h()), 1);
    }
    z = dropout(z, training);
    if (hiddenLayer != null) {
      z = dropout(Activation.relu(hiddenLayer.apply(z)), training);
    }
    return output.apply(z);
  }
}
