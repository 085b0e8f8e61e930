package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import java.util.Arrays;

/**
 * The inference loop of the first source document, kept in test code to show what it does (no
 * decoder offers it): greedy decoding in which every step starts again from the encoder's state
 * {@code s_0} instead of the state the previous step left, so step t sees only {@code s_0} and the
 * previous token:
 *
 * <pre>
 * y_t = argmax_v p(v | s_0, y_{t-1})         (Greedy: p(v | s_{t-1}, y_{t-1}), s_t carried)
 * </pre>
 *
 * For a given source, y_t is a fixed function of y_{t-1} alone: as soon as a token comes back, the
 * tokens after it come back in the same order until the length cap, unless the cycle holds {@code
 * <eos>} ("I think I think I think …").
 */
final class RestartingGreedy {
  private final int bosId;
  private final int eosId;
  private final int maxLength;

  RestartingGreedy(int bosId, int eosId, int maxLength) {
    this.bosId = bosId;
    this.eosId = eosId;
    this.maxLength = maxLength;
  }

  /** Each row's output ids, without {@code <bos>} and {@code <eos>}, at most maxLength of them. */
  int[][] decode(Seq2SeqModel model, NDManager manager, long[][] src, int[] srcLengths) {
    int batch = src.length;
    int[][] out = new int[batch][maxLength];
    int[] lengths = new int[batch];
    boolean[] done = new boolean[batch];
    long[] previous = new long[batch];
    Arrays.fill(previous, bosId);
    try (NDManager scope = manager.newSubManager()) {
      DecoderState encoded = model.encode(scope.create(src), srcLengths); // s_0, kept
      for (int t = 0; t < maxLength; t++) {
        try (NDManager stepScope = scope.newSubManager()) {
          NDArray logits = model.step(stepScope.create(previous), encoded).logits(); // (B, V)
          long[] next = logits.argMax(1).toLongArray(); // the step's new state is dropped
          for (int b = 0; b < batch; b++) {
            done[b] |= next[b] == eosId;
            if (!done[b]) {
              out[b][lengths[b]++] = (int) next[b];
            }
            previous[b] = next[b];
          }
        }
      }
    }
    int[][] ids = new int[batch][];
    for (int b = 0; b < batch; b++) {
      ids[b] = Arrays.copyOf(out[b], lengths[b]);
    }
    return ids;
  }
}
