package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;

/**
 * A hook on the hidden states of one encoder layer (its forward direction) as they are computed:
 * the layer carries on with whatever {@link #apply} returns in place of h_t, into the next step,
 * the layer above and the attention. {@code seq4j gradients --trained} adds a zero tensor that
 * requires gradient and reads ∂L/∂h_t from it (package {@code gradflow}). A probed layer steps the
 * cell's formula ({@link RnnLayer.Mode#EXPLICIT}) whatever the model's mode; padded positions keep
 * the state of the row's last real token, so their probe gets no gradient.
 */
public interface StateProbe {
  /** The probed layer, from 0 (the one reading the embeddings). */
  int layer();

  /**
   * What the layer carries on with in place of {@code h} (B, H), the state after reading position
   * {@code t} (from 0).
   */
  NDArray apply(int t, NDArray h);
}
