package dev.seq4j.model;

import ai.djl.ndarray.NDManager;

/**
 * What a decoder carries from one step to the next for a batch of rows (recurrent states, cached
 * keys and values, encoder outputs). Implementations are immutable: a step returns a new state.
 */
public interface DecoderState {

  /**
   * Moves every array of this state to {@code manager}, so a step's scope can close while the state
   * lives on.
   */
  void attach(NDManager manager);
}
