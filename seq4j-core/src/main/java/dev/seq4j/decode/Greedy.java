package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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
  private final StepOptions options;
  private final RepetitionControl repetition;

  /** A greedy decoder starting from {@code bosId} and stopping at {@code eosId}. */
  public Greedy(int bosId, int eosId, LengthLimit limit) {
    this(bosId, eosId, limit, TokenChooser.ARGMAX);
  }

  /**
   * The same one-token-at-a-time loop with another choice of token, e.g. {@link Sampling}: {@code
   * y_t = chooser(logits_t)}.
   */
  public Greedy(int bosId, int eosId, LengthLimit limit, TokenChooser chooser) {
    this(bosId, eosId, limit, chooser, StepOptions.DEFAULT, RepetitionControl.NONE);
  }

  private Greedy(
      int bosId,
      int eosId,
      LengthLimit limit,
      TokenChooser chooser,
      StepOptions options,
      RepetitionControl repetition) {
    this.bosId = bosId;
    this.eosId = eosId;
    this.limit = limit;
    this.chooser = chooser;
    this.options = options;
    this.repetition = repetition;
  }

  /** The same decoder passing {@code options} (cache, attention view) to every encode call. */
  public Greedy withOptions(StepOptions options) {
    return new Greedy(bosId, eosId, limit, chooser, options, repetition);
  }

  /** The same decoder adjusting each step's logits for repetition before the choice. */
  public Greedy withRepetition(RepetitionControl repetition) {
    return new Greedy(bosId, eosId, limit, chooser, options, repetition);
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
   * entries); otherwise {@code weights} is null; and per row why it ended.
   */
  public record Output(int[][] ids, float[][][] weights, FinishReason[] finish) {}

  /** Like {@link #decode(Seq2SeqModel, NDManager, long[][], int[])}, optionally with attention. */
  public Output decode(
      Seq2SeqModel model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      boolean withAttention) {
    return decode(model, manager, src, srcLengths, withAttention, () -> false);
  }

  /**
   * Like {@link #decode(Seq2SeqModel, NDManager, long[][], int[], boolean)}, asking {@code stop}
   * before every step: a caller whose result is no longer wanted (a timeout, a client gone) frees
   * the thread within one step.
   *
   * @throws CancellationException when {@code stop} says so
   */
  public Output decode(
      Seq2SeqModel model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      boolean withAttention,
      BooleanSupplier stop) {
    Rows rows = new Rows(srcLengths, withAttention);
    // The state lives in a scope of its own that is closed after every step, once the next state
    // has moved out of it: whatever a step computes from the state's arrays lands in their manager
    // (DJL puts a result beside its first operand), so keeping one scope for the whole call kept
    // every step's activations to the end (the exact Transformer's 30 steps over its prefix: GiBs).
    try (NDManager scope = manager.newSubManager()) {
      NDManager stateScope = scope.newSubManager();
      DecoderState state = model.encode(stateScope.create(src), srcLengths, options);
      for (int t = 0; t < rows.longest && !rows.allDone(); t++) {
        if (stop.getAsBoolean()) {
          throw new CancellationException("decoding stopped after " + t + " steps");
        }
        NDManager nextScope = scope.newSubManager();
        try (NDManager stepScope = scope.newSubManager()) {
          NDArray prev = stepScope.create(rows.previous, new Shape(src.length));
          Seq2SeqModel.Step step = model.step(prev, state);
          NDArray logits = repetition.apply(step.logits(), rows.histories()); // (B, V)
          long[] next = chooser.choose(logits); // (B)
          float[] att = null;
          if (withAttention && step.attention() != null) {
            att = step.attention().toFloatArray(); // (B, S)
          }
          state = step.state();
          state.attach(nextScope);
          rows.take(next, att, src[0].length);
        }
        stateScope.close();
        stateScope = nextScope;
      }
    }
    return rows.output();
  }

  /**
   * The batch's outputs as they grow: each row's ids, its length cap, whether it is done, the token
   * it was last fed and, when asked, each output token's attention over its source.
   */
  private final class Rows {
    final int[] srcLengths;
    final int[] caps;
    final int longest;
    final int[][] ids;
    final int[] lengths;
    final boolean[] done;
    final boolean[] eos;
    final long[] previous;
    final float[][][] weights;
    boolean attended;

    Rows(int[] srcLengths, boolean withAttention) {
      int batch = srcLengths.length;
      this.srcLengths = srcLengths;
      this.caps = new int[batch];
      int max = 0;
      for (int b = 0; b < batch; b++) {
        caps[b] = limit.forSource(srcLengths[b]);
        max = Math.max(max, caps[b]);
      }
      this.longest = max;
      this.ids = new int[batch][longest];
      this.lengths = new int[batch];
      this.done = new boolean[batch];
      this.eos = new boolean[batch];
      this.previous = new long[batch];
      Arrays.fill(previous, bosId);
      this.weights = withAttention ? new float[batch][longest][] : null;
    }

    /** Each row's output so far (empty arrays when no repetition control needs them). */
    int[][] histories() {
      int[][] out = new int[ids.length][];
      for (int b = 0; b < ids.length; b++) {
        out[b] = repetition.active() ? Arrays.copyOf(ids[b], lengths[b]) : new int[0];
      }
      return out;
    }

    boolean allDone() {
      for (boolean d : done) {
        if (!d) {
          return false;
        }
      }
      return true;
    }

    /**
     * Appends each live row's token {@code next[b]} (an {@code <eos>} or the cap ends the row);
     * {@code att} is the step's attention (B, S) with S = {@code width}, or null.
     */
    void take(long[] next, float[] att, int width) {
      attended |= att != null;
      for (int b = 0; b < done.length; b++) {
        if (done[b]) {
          continue;
        }
        if (next[b] == eosId) {
          done[b] = true;
          eos[b] = true;
        } else {
          if (att != null) {
            weights[b][lengths[b]] = Arrays.copyOfRange(att, b * width, b * width + srcLengths[b]);
          }
          ids[b][lengths[b]++] = (int) next[b];
          done[b] = lengths[b] >= caps[b];
        }
        previous[b] = next[b];
      }
    }

    /** The ids (and attention, when any step had it) cut to each row's length. */
    Output output() {
      int batch = ids.length;
      int[][] result = new int[batch][];
      float[][][] resultWeights = attended ? new float[batch][][] : null;
      FinishReason[] finish = new FinishReason[batch];
      for (int b = 0; b < batch; b++) {
        finish[b] = eos[b] ? FinishReason.EOS : FinishReason.LENGTH;
        result[b] = Arrays.copyOf(ids[b], lengths[b]);
        if (attended) {
          resultWeights[b] = Arrays.copyOf(weights[b], lengths[b]);
        }
      }
      return new Output(result, resultWeights, finish);
    }
  }
}
