package dev.seq4j.model.charrnn;

import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.RnnLayer;

/** A character-level model of names. */
public sealed interface NamesModel extends AutoCloseable permits NameClassifier, NameGenerator {

  /** The trainable parameters. */
  Parameters parameters();

  /** Chooses the explicit cell formulas or libtorch's fused kernels (the default). */
  void setMode(RnnLayer.Mode mode);

  @Override
  default void close() {
    parameters().close();
  }
}
