package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Repetition control: each row's logits adjusted, before a token is chosen, for the tokens that row
 * has output so far.
 *
 * <ul>
 *   <li>n-gram blocking ({@code noRepeatNgram} n ≥ 1; Paulus et al. 2018): a token that would
 *       complete an n-gram the output already holds gets logit −∞, so no n-gram is ever emitted
 *       twice ({@code <eos>} is never blocked, the output never holding it)
 *   <li>repetition penalty θ (Keskar et al. 2019, CTRL), for each token v already output:
 *       <pre>
 * z_v ← z_v / θ   if z_v &gt; 0
 * z_v ← z_v · θ   otherwise
 * </pre>
 * </ul>
 *
 * @param noRepeatNgram the n of n-gram blocking; 0 is off
 * @param penalty θ; 1 is off
 */
public record RepetitionControl(int noRepeatNgram, double penalty) {
  /** No control: logits pass unchanged. */
  public static final RepetitionControl NONE = new RepetitionControl(0, 1.0);

  /** Validates the fields. */
  public RepetitionControl {
    if (noRepeatNgram < 0) {
      throw new IllegalArgumentException("noRepeatNgram must be >= 0, was " + noRepeatNgram);
    }
    if (!(penalty > 0) || Double.isInfinite(penalty)) {
      throw new IllegalArgumentException("repetitionPenalty must be > 0, was " + penalty);
    }
  }

  /** Whether anything is controlled. */
  public boolean active() {
    return noRepeatNgram > 0 || penalty != 1.0;
  }

  /**
   * The logits (B, V) adjusted for each row's output so far, {@code histories[b]} (B); {@code
   * logits} itself when nothing is controlled. The result belongs to the manager of {@code logits}.
   */
  public NDArray apply(NDArray logits, int[][] histories) {
    if (!active()) {
      return logits;
    }
    int vocabulary = (int) logits.getShape().get(1);
    float[] all = logits.toFloatArray(); // (B·V)
    for (int b = 0; b < histories.length; b++) {
      float[] row = Arrays.copyOfRange(all, b * vocabulary, (b + 1) * vocabulary);
      adjust(row, histories[b]);
      System.arraycopy(row, 0, all, b * vocabulary, vocabulary);
    }
    return logits.getManager().create(all, logits.getShape());
  }

  /** Adjusts one row of logits (V) in place for the output {@code history}. */
  void adjust(float[] row, int[] history) {
    if (penalty != 1.0) {
      boolean[] seen = new boolean[row.length];
      for (int token : history) {
        if (!seen[token]) {
          seen[token] = true;
          row[token] =
              row[token] > 0 ? (float) (row[token] / penalty) : (float) (row[token] * penalty);
        }
      }
    }
    if (noRepeatNgram > 0) {
      for (int token : blocked(history, noRepeatNgram)) {
        row[token] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  /**
   * The tokens that would complete an n-gram {@code history} already holds: each {@code history[i +
   * n - 1]} whose n-1 tokens before it equal the last n-1 tokens of {@code history}.
   */
  static int[] blocked(int[] history, int n) {
    int length = history.length;
    if (length < n - 1 || length == 0) {
      return new int[0];
    }
    int[] out = new int[length];
    int count = 0;
    for (int i = 0; i + n - 1 < length; i++) {
      if (Arrays.equals(history, i, i + n - 1, history, length - n + 1, length)) {
        out[count++] = history[i + n - 1];
      }
    }
    return Arrays.copyOf(out, count);
  }
}
