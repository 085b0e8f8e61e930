package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import java.util.Arrays;

/**
 * A decoder whose next-token distribution depends only on the previous token: after {@code <bos>} a
 * 0.6, b 0.4; after a: {@code <eos>} 0.4, a 0.3, b 0.3; after b: {@code <eos>} 0.9, a 0.05, b 0.05.
 * Greedy takes a then {@code <eos>} (0.24); the best sequence is b {@code <eos>} (0.36).
 */
final class BigramModel implements Seq2SeqModel {
  static final int EOS = 3;
  static final int A = 4;
  static final int B = 5;

  private final NDManager manager;
  private final float[][] table = new float[6][6];

  /** The options of the last encode call. */
  StepOptions lastOptions;

  BigramModel(NDManager manager) {
    this.manager = manager;
    for (float[] row : table) {
      Arrays.fill(row, 1e-9f);
    }
    set(2, 0, 0, 0.6f, 0.4f);
    set(A, 0.4f, 0, 0.3f, 0.3f);
    set(B, 0.9f, 0, 0.05f, 0.05f);
    set(EOS, 1, 0, 0, 0);
  }

  private void set(int previous, float eos, float unused, float a, float b) {
    table[previous][EOS] = Math.max(eos, 1e-9f);
    table[previous][A] = Math.max(a, 1e-9f);
    table[previous][B] = Math.max(b, 1e-9f);
  }

  @Override
  public Parameters parameters() {
    return new Parameters(manager);
  }

  @Override
  public NDArray logits(NDArray s, int[] l, NDArray t, TeacherForcing f, boolean training) {
    throw new UnsupportedOperationException();
  }

  @Override
  public DecoderState encode(NDArray src, int[] srcLengths, StepOptions options) {
    check(options);
    lastOptions = options;
    return new NoState();
  }

  @Override
  public Step step(NDArray previous, DecoderState state) {
    long[] prev = previous.toLongArray();
    float[] logits = new float[prev.length * 6];
    for (int r = 0; r < prev.length; r++) {
      for (int v = 0; v < 6; v++) {
        logits[r * 6 + v] = (float) Math.log(table[(int) prev[r]][v]);
      }
    }
    return new Step(previous.getManager().create(logits, new Shape(prev.length, 6)), state, null);
  }

  @Override
  public void close() {}

  private record NoState() implements DecoderState {
    @Override
    public void attach(NDManager manager) {}

    @Override
    public DecoderState select(NDArray rows) {
      return this;
    }
  }
}
