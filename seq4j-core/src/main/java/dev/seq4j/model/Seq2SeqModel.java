package dev.seq4j.model;

import ai.djl.ndarray.NDArray;

/**
 * An encoder–decoder over token ids. The trainer and the decoders know only this interface.
 *
 * <p>Token ids are int64 arrays; padding sits at the end of each row; lengths are the true lengths.
 */
public interface Seq2SeqModel extends AutoCloseable {

  /** The trainable parameters. */
  Parameters parameters();

  /**
   * Target logits for a batch, the decoder reading {@code trgIn} = {@code <bos>} y_1 … y_{T-1}.
   *
   * @param src source ids (B, S)
   * @param trgIn decoder inputs (B, T)
   * @param forcing how often a step reads the reference token rather than the model's own previous
   *     prediction
   * @param training enables dropout
   * @return logits (B, T, V)
   */
  NDArray logits(
      NDArray src, int[] srcLengths, NDArray trgIn, TeacherForcing forcing, boolean training);

  /**
   * Encodes a batch for step-by-step decoding (inference mode: no dropout) with the decode-time
   * choices {@code options}, which the returned state carries to every step.
   *
   * @throws IllegalArgumentException when this model cannot honour {@code options} (see {@link
   *     #check})
   */
  DecoderState encode(NDArray src, int[] srcLengths, StepOptions options);

  /** {@link #encode(NDArray, int[], StepOptions)} with {@link StepOptions#DEFAULT}. */
  default DecoderState encode(NDArray src, int[] srcLengths) {
    return encode(src, srcLengths, StepOptions.DEFAULT);
  }

  /**
   * Fails unless this model can decode with {@code options}; callers check once before decoding. By
   * default a model has one attention, so only the default view is accepted.
   */
  default void check(StepOptions options) {
    if (options.choosesAttention()) {
      throw new IllegalArgumentException(
          "an attention layer and head can be chosen for transformer models only (this model has"
              + " one attention)");
    }
  }

  /** One decoding step: previous tokens (B) int64 → logits (B, V) and the next state. */
  Step step(NDArray previous, DecoderState state);

  @Override
  default void close() {
    parameters().close();
  }

  /**
   * The logits of one step, the state after it, and the attention weights over the source (B, S)
   * when the model attends (else null).
   */
  record Step(NDArray logits, DecoderState state, NDArray attention) {}
}
