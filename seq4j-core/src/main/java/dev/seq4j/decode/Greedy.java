package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import java.util.Arrays;

/**
 * Batched greedy decoding: at every step each row takes its most probable token, until it emits
 * {@code <eos>} or reaches its length cap.
 *
 * <pre>
 * y_t = argmax_v p(v | y_&lt;t, x)
 * </pre>
 */
public final class Greedy {
  private final int bosId;
  private final int eosId;
  private final LengthLimit limit;
  private final TokenChooser chooser;

  /** A greedy decoder starting from {@code bosId} and stopping at {@code eosId}. */
  public Greedy(int bosId, int eosId, LengthLimit limit) {
    this(bosId, eosId, limit, TokenChooser.ARGMAX);
  }

  /**
   * The same one-token-at-a-time loop with another choice of token, e.g. {@link Sampling}: {@code
   * y_t = chooser(logits_t)}.
   */
  public Greedy(int bosId, int eosId, LengthLimit limit, TokenChooser chooser) {
    this.bosId = bosId;
    this.eosId = eosId;
    this.limit = limit;
    this.chooser = chooser;
  }

  /**
   * Decodes a batch of padded source rows.
   *
   * @param src source ids, one row per sentence, padded
   * @param srcLengths true lengths (each at least 1)
   * @return for each row the output ids without {@code <bos>} and {@code <eos>}
   */
  public int[][] decode(Seq2SeqModel model, NDManager manager, long[][] src, int[] srcLengths) {
    return decode(model, manager, src, srcLengths, false).ids();
  }

  /**
   * Output ids and, when {@code withAttention} and the model attends, for each row and output token
   * the attention weights over that row's source tokens ({@code weights[b][t]} has srcLengths[b]
   * entries); otherwise {@code weights} is null.
   */
  public record Output(int[][] ids, float[][][] weights) {}

  /** Like {@link #decode(Seq2SeqModel, NDManager, long[][], int[])}, optionally with attention. */
  public Output decode(
      Seq2SeqModel model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      boolean withAttention) {
    int batch = src.length;
    int[] caps = new int[batch];
    int longest = 0;
    for (int b = 0; b < batch; b++) {
      caps[b] = limit.forSource(srcLengths[b]);
      longest = Math.max(longest, caps[b]);
    }
    int[][] out = new int[batch][longest];
    int[] lengths = new int[batch];
    boolean[] done = new boolean[batch];
    float[][][] weights = withAttention ? new float[batch][longest][] : null;
    boolean attended = false;
    try (NDManager scope = manager.newSubManager()) {
      DecoderState state = model.encode(scope.create(src), srcLengths);
      long[] previous = new long[batch];
      Arrays.fill(previous, bosId);
      for (int t = 0; t < longest && !allTrue(done); t++) {
        try (NDManager stepScope = scope.newSubManager()) {
          NDArray prev = stepScope.create(previous, new Shape(batch));
          Seq2SeqModel.Step step = model.step(prev, state);
          long[] next = chooser.choose(step.logits()); // (B)
          float[] att = null;
          int width = src[0].length;
          if (withAttention && step.attention() != null) {
            att = step.attention().toFloatArray(); // (B, S)
            attended = true;
          }
          state = step.state();
          state.attach(scope);
          for (int b = 0; b < batch; b++) {
            if (done[b]) {
              continue;
            }
            if (next[b] == eosId) {
              done[b] = true;
            } else {
              if (att != null) {
                weights[b][lengths[b]] =
                    Arrays.copyOfRange(att, b * width, b * width + srcLengths[b]);
              }
              out[b][lengths[b]++] = (int) next[b];
              done[b] = lengths[b] >= caps[b];
            }
            previous[b] = next[b];
          }
        }
      }
    }
    int[][] result = new int[batch][];
    float[][][] resultWeights = attended ? new float[batch][][] : null;
    for (int b = 0; b < batch; b++) {
      result[b] = Arrays.copyOf(out[b], lengths[b]);
      if (attended) {
        resultWeights[b] = Arrays.copyOf(weights[b], lengths[b]);
      }
    }
    return new Output(result, resultWeights);
  }

  private static boolean allTrue(boolean[] values) {
    for (boolean v : values) {
      if (!v) {
        return false;
      }
    }
    return true;
  }
}
