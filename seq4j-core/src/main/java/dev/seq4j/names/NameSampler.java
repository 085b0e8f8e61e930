package dev.seq4j.names;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.decode.Sampling;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.model.rnn.CellState;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes names with a trained generator: from {@code <BEGIN>} (and the nationality, when the model
 * is conditioned) it draws one character at a time from {@code softmax(logits / T)} until {@code
 * <END>} or {@code maxLength} characters. T → 0 is greedy (the most probable character); a large T
 * flattens the distribution towards uniform. {@code <MASK>}, {@code <UNK>} and {@code <BEGIN>} are
 * never drawn.
 */
public final class NameSampler {
  private NameSampler() {}

  /**
   * Draws {@code count} names.
   *
   * @param label class id of the nationality, or -1 for an unconditioned model
   * @param temperature T ≥ 0
   * @param seed seeds the draws (the same seed gives the same names)
   * @param maxLength the most characters a name may have
   */
  public static List<String> sample(
      NamesBundle bundle, int label, int count, double temperature, long seed, int maxLength) {
    if (!(bundle.model() instanceof NameGenerator model)) {
      throw new IllegalArgumentException(
          "not a generator: the model's task is " + bundle.config().task().name().toLowerCase());
    }
    if (model.conditioned() && label < 0) {
      throw new IllegalArgumentException(
          "this model is conditioned on the nationality: name one of "
              + String.join(", ", bundle.labels()));
    }
    if (!model.conditioned() && label >= 0) {
      throw new IllegalArgumentException(
          "this model is not conditioned on the nationality: leave it out");
    }
    if (count < 0 || maxLength < 1) {
      throw new IllegalArgumentException(
          "count must be >= 0 and maxLength >= 1, were " + count + " and " + maxLength);
    }
    Sampling chooser = new Sampling(temperature, 0, 1.0, seed);
    Vocabulary v = bundle.chars();
    List<String> out = new ArrayList<>(count);
    for (int from = 0; from < count; from += Classify.BATCH) {
      int rows = Math.min(Classify.BATCH, count - from);
      try (NDManager scope = bundle.manager().newSubManager()) {
        int[] labels = new int[rows];
        Arrays.fill(labels, Math.max(label, 0));
        List<CellState> state = model.initial(scope, model.conditioned() ? labels : null, rows);
        NDArray banned = banned(scope, v);
        long[] previous = new long[rows];
        Arrays.fill(previous, v.bosId());
        List<List<Integer>> names = new ArrayList<>();
        boolean[] done = new boolean[rows];
        for (int r = 0; r < rows; r++) {
          names.add(new ArrayList<>());
        }
        int finished = 0;
        for (int t = 0; t < maxLength + 1 && finished < rows; t++) {
          NameGenerator.Step step = model.step(scope.create(previous), state);
          state = step.state();
          long[] next = chooser.choose(step.logits().add(banned));
          for (int r = 0; r < rows; r++) {
            if (done[r]) {
              continue;
            }
            if (next[r] == v.eosId() || names.get(r).size() == maxLength) {
              done[r] = true;
              finished++;
            } else {
              names.get(r).add((int) next[r]);
            }
          }
          previous = next;
        }
        for (List<Integer> n : names) {
          out.add(bundle.decode(n.stream().mapToInt(Integer::intValue).toArray()));
        }
      }
    }
    return out;
  }

  /** 0 for characters and {@code <END>}, -∞ for the specials a name never contains: (1, V). */
  private static NDArray banned(NDManager m, Vocabulary v) {
    float[] add = new float[v.size()];
    add[v.padId()] = Float.NEGATIVE_INFINITY;
    add[v.unkId()] = Float.NEGATIVE_INFINITY;
    add[v.bosId()] = Float.NEGATIVE_INFINITY;
    return m.create(add, new Shape(1, v.size())).toType(DataType.FLOAT32, false);
  }
}
