package dev.seq4j.names;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.charrnn.NameClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Inference with a trained classifier: class probabilities and the top k labels of names. */
public final class Classify {
  /** Names scored per forward pass. */
  static final int BATCH = 256;

  private Classify() {}

  /** One label and its probability. */
  public record Scored(String label, double probability) {}

  /** The {@code k} most probable labels of each name, most probable first. */
  public static List<List<Scored>> top(NamesBundle bundle, List<String> names, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    List<int[]> ids = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).isBlank()) {
        throw new IllegalArgumentException("name " + (i + 1) + " is empty");
      }
      ids.add(bundle.encode(names.get(i).strip()));
    }
    float[][] p = probabilities(bundle, ids);
    List<List<Scored>> out = new ArrayList<>(names.size());
    for (float[] row : p) {
      List<Scored> all = new ArrayList<>(row.length);
      for (int c = 0; c < row.length; c++) {
        all.add(new Scored(bundle.labels().get(c), row[c]));
      }
      all.sort(Comparator.comparingDouble(Scored::probability).reversed());
      out.add(List.copyOf(all.subList(0, Math.min(k, all.size()))));
    }
    return out;
  }

  /** Class probabilities (N, C) of names given as character ids (inference: no dropout). */
  public static float[][] probabilities(NamesBundle bundle, List<int[]> names) {
    if (!(bundle.model() instanceof NameClassifier model)) {
      throw new IllegalArgumentException(
          "not a classifier: the model's task is " + bundle.config().task().name().toLowerCase());
    }
    int classes = bundle.labels().size();
    float[][] out = new float[names.size()][];
    // by length, so each batch has little padding; results go back to the input order
    Integer[] order = new Integer[names.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, Comparator.comparingInt(i -> names.get(i).length));
    for (int from = 0; from < names.size(); from += BATCH) {
      List<int[]> slice = new ArrayList<>();
      for (int i = from; i < Math.min(names.size(), from + BATCH); i++) {
        slice.add(names.get(order[i]));
      }
      NameBatch batch = new NameBatch(slice, new int[slice.size()]);
      try (NDManager scope = bundle.manager().newSubManager()) {
        NDArray logits =
            model.logits(batch.ids(scope, bundle.chars().padId()), batch.lengths(), false);
        float[] flat = logits.softmax(1).toFloatArray();
        for (int r = 0; r < slice.size(); r++) {
          float[] row = new float[classes];
          System.arraycopy(flat, r * classes, row, 0, classes);
          out[order[from + r]] = row;
        }
      }
    }
    return out;
  }

  /** The index of the largest value (the first on ties). */
  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
