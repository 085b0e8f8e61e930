package dev.seq4j.model.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Embedding;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.RnnLayer;

/**
 * A character-level model of names: what the classifier and the generator share, the parameter
 * registry, the character embedding {@code E} ({@code embedding.*}), the dropout rate and the
 * choice between the explicit cell formulas and libtorch's fused kernels.
 */
public abstract sealed class NamesModel implements AutoCloseable
    permits NameClassifier, NameGenerator {
  private final Parameters params;
  private final Embedding embedding;
  private final double dropout;
  private RnnLayer.Mode mode = RnnLayer.Mode.FUSED;

  NamesModel(CharRnnConfig m, int vocabulary, NDManager manager) {
    this.params = new Parameters(manager);
    this.embedding = new Embedding(params, "embedding", vocabulary, m.embedding());
    this.dropout = m.dropout();
  }

  /** The trainable parameters. */
  public final Parameters parameters() {
    return params;
  }

  /** Chooses the explicit cell formulas or libtorch's fused kernels (the default). */
  public final void setMode(RnnLayer.Mode mode) {
    this.mode = mode;
  }

  @Override
  public final void close() {
    params.close();
  }

  final RnnLayer.Mode mode() {
    return mode;
  }

  /** {@code E[ids]}: (B, T) → (B, T, E). */
  final NDArray embed(NDArray ids) {
    return embedding.lookup(ids);
  }

  /** Dropout at this model's rate (training only). */
  final NDArray dropout(NDArray x, boolean training) {
    return Dropout.apply(x, dropout, training);
  }
}
