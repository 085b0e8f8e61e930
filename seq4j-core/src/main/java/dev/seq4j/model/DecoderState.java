package dev.seq4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

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

  /**
   * The state of rows {@code rows} (N) int64 of this batch, in that order (a row may repeat): beam
   * search expands, keeps, copies and drops hypotheses with it. The new arrays belong to the
   * manager of {@code rows}.
   */
  DecoderState select(NDArray rows);

  /**
   * Like {@link #select}, when each new row {@code i} comes from a row of the same source sentence
   * as row {@code i} (beam search reordering its hypotheses): what depends only on the source
   * (encoder states, masks, encoder–decoder keys and values) is kept as it is, not copied.
   */
  default DecoderState reorder(NDArray rows) {
    return select(rows);
  }

  /** Rows {@code rows} (N) of {@code a} along its first axis, owned by the manager of rows. */
  static NDArray rows(NDArray a, NDArray rows) {
    if (a == null) {
      return null;
    }
    NDArray picked = a.get(new NDIndex("{}", rows));
    picked.attach(rows.getManager());
    return picked;
  }
}
