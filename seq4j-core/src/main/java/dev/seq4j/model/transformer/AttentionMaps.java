package dev.seq4j.model.transformer;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Every attention weight of one pass of a {@link TransformerSeq2Seq} over a source and a decoder
 * input, one array per layer, first layer first; each row of each head sums to 1 over the positions
 * it may see.
 *
 * @param encoderSelf per encoder layer the self-attention weights (B, h, S, S), 0 at source padding
 * @param decoderSelf per decoder layer the masked self-attention weights (B, h, T, T), 0 above the
 *     diagonal (position t sees the decoder inputs 0 … t)
 * @param cross per decoder layer the encoder–decoder weights (B, h, T, S), 0 at source padding
 */
public record AttentionMaps(
    List<NDArray> encoderSelf, List<NDArray> decoderSelf, List<NDArray> cross) {
  /** Copies the lists. */
  public AttentionMaps {
    encoderSelf = List.copyOf(encoderSelf);
    decoderSelf = List.copyOf(decoderSelf);
    cross = List.copyOf(cross);
  }
}
