package dev.seq4j.model;

import ai.djl.ndarray.NDManager;

/**
 * A sequence-to-sequence family's settings (the {@code model:} section of a translation YAML): each
 * family's record lives in its package ({@code rnn.RnnConfig}, {@code
 * transformer.TransformerConfig}) and builds its model, so nothing copies settings between records.
 */
public interface ModelConfig {

  /** A new model with fresh parameters for vocabularies of the given sizes. */
  Seq2SeqModel build(NDManager manager, int srcVocabulary, int trgVocabulary);
}
