package dev.seq4j.model;

import ai.djl.ndarray.NDManager;
import dev.seq4j.config.DataConfig;
import dev.seq4j.config.InvalidSetting;
import dev.seq4j.config.TrainConfig;

/**
 * A sequence-to-sequence family's settings (the {@code model:} section of a translation YAML): each
 * family's record lives in its package ({@code rnn.RnnConfig}, {@code
 * transformer.TransformerConfig}) and builds its model, so nothing copies settings between records.
 */
public interface ModelConfig {

  /** A new model with fresh parameters for vocabularies of the given sizes. */
  Seq2SeqModel build(NDManager manager, int srcVocabulary, int trgVocabulary);

  /**
   * Checks this family's settings against the data and training sections of the same experiment;
   * throws {@link InvalidSetting} naming the YAML key. Nothing to check by default.
   */
  default void checkWith(DataConfig data, TrainConfig train) {}

  /** Whether the model's decoder attends over the encoder states (so steps report weights). */
  boolean attends();
}
