package dev.seq4j.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.DecoderState;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;

/**
 * A decoder whose logits and attention depend only on the previous token: {@code logits[prev]} (V
 * entries) and, when given, {@code attention[prev]} (S entries, the source width).
 */
final class ScriptedModel implements Seq2SeqModel {
  private final NDManager manager;
  private final float[][] logits;
  private final float[][] attention;

  ScriptedModel(NDManager manager, float[][] logits, float[][] attention) {
    this.manager = manager;
    this.logits = logits;
    this.attention = attention;
  }

  /** Logits log(p) of a table of probabilities (0 becomes 1e-9). */
  static float[][] logOf(float[][] probabilities) {
    float[][] out = new float[probabilities.length][];
    for (int r = 0; r < out.length; r++) {
      out[r] = new float[probabilities[r].length];
      for (int v = 0; v < out[r].length; v++) {
        out[r][v] = (float) Math.log(Math.max(probabilities[r][v], 1e-9f));
      }
    }
    return out;
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
    return new NoState();
  }

  @Override
  public Step step(NDArray previous, DecoderState state) {
    long[] prev = previous.toLongArray();
    int vocabulary = logits[0].length;
    float[] out = new float[prev.length * vocabulary];
    float[] att = attention == null ? null : new float[prev.length * attention[0].length];
    for (int r = 0; r < prev.length; r++) {
      System.arraycopy(logits[(int) prev[r]], 0, out, r * vocabulary, vocabulary);
      if (att != null) {
        int width = attention[0].length;
        System.arraycopy(attention[(int) prev[r]], 0, att, r * width, width);
      }
    }
    NDManager m = previous.getManager();
    return new Step(
        m.create(out, new Shape(prev.length, vocabulary)),
        state,
        att == null ? null : m.create(att, new Shape(prev.length, attention[0].length)));
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
