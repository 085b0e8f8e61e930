package dev.seq4j.gradflow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Example;
import dev.seq4j.decode.Greedy;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.model.rnn.StateProbe;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import dev.seq4j.train.optim.Gradients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gradient flow through time in a trained recurrent translation model: ‖∂L/∂h_t‖ for every source
 * position t of one encoder layer (its forward direction), where L is the sentence's translation
 * loss, teacher forced, without dropout:
 *
 * <pre>
 * L = Σ_j −log p(y_j | y_&lt;j, x)        (over the target tokens, &lt;eos&gt; included)
 * </pre>
 *
 * Measured as in {@link GradientFlow}: a zero probe z_t added to each h_t ({@link StateProbe}), so
 * ∂L/∂z_t = ∂L/∂h_t, the total derivative through the later steps, the layers above, the bridge and
 * the attention. Without attention the decoder sees the encoder only through its final state, so
 * the norms show how much of the loss's gradient travels back through time to position t; with
 * attention every h_t also gets a direct share. t counts the encoder's reading steps: with {@code
 * reverseSource} the encoder reads the sentence backwards and t = 1 is its last token.
 */
public final class EncoderGradients {
  private EncoderGradients() {}

  /** The special ids batches are built with. */
  public record Ids(int pad, int bos, int eos) {}

  /**
   * ‖∂L/∂h_t‖ of each example (its target the reference), one array of its source length per
   * example, in order; {@code layer} counts from 0; {@code batchSize} examples at a time.
   *
   * @throws IllegalArgumentException when an example has no target or no source token, or the
   *     encoder has no such layer
   */
  public static List<double[]> measure(
      RnnSeq2Seq model, int layer, List<Example> examples, Ids ids, int batchSize) {
    for (Example e : examples) {
      if (e.trg() == null || e.src().length == 0) {
        throw new IllegalArgumentException(
            "example " + e.index() + ": needs a target and at least one source token");
      }
    }
    List<double[]> norms = new ArrayList<>(examples.size());
    for (int from = 0; from < examples.size(); from += batchSize) {
      List<Example> rows = examples.subList(from, Math.min(examples.size(), from + batchSize));
      norms.addAll(measureBatch(model, layer, rows, ids));
    }
    return norms;
  }

  private static List<double[]> measureBatch(
      RnnSeq2Seq model, int layer, List<Example> rows, Ids ids) {
    try (NDManager scope = model.parameters().manager().newSubManager()) {
      Batch b = Batch.of(rows, ids.pad(), ids.bos(), ids.eos());
      List<NDArray> probes = new ArrayList<>();
      StateProbe probe = new ZeroProbe(layer, scope, probes);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = model.logits(b.srcIds(scope), b.srcLengths(), b.trgInIds(scope), probe);
        gc.backward(MaskedCrossEntropy.loss(logits, b.trgOutIds(scope), b.trgMask(scope), 0).sum());
      }
      List<double[]> norms = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        norms.add(new double[b.srcLengths()[r]]);
      }
      for (int t = 0; t < probes.size(); t++) {
        NDArray g = probes.get(t).getGradient(); // (B, H)
        g.attach(scope);
        float[] perRow = g.square().sum(new int[] {1}).sqrt().toFloatArray(); // (B)
        for (int r = 0; r < rows.size(); r++) {
          if (t < norms.get(r).length) {
            norms.get(r)[t] = perRow[r];
          }
        }
      }
      Gradients.zero(model.parameters().asMap().values()); // the measurement is no training step
      return norms;
    }
  }

  /** Adds a fresh zero (B, H) that requires gradient to each h_t and keeps it in {@code probes}. */
  private record ZeroProbe(int layer, NDManager scope, List<NDArray> probes) implements StateProbe {
    @Override
    public NDArray apply(int t, NDArray h) {
      NDArray z = scope.zeros(h.getShape());
      z.setRequiresGradient(true);
      probes.add(z);
      return h.add(z);
    }
  }

  /**
   * The examples with the model's own greedy translation (within {@code limit}) as their target:
   * what the loss is taken on for source sentences without a reference.
   */
  public static List<Example> withOwnTranslations(
      RnnSeq2Seq model, List<Example> sources, Ids ids, LengthLimit limit, int batchSize) {
    Greedy greedy = new Greedy(ids.bos(), ids.eos(), limit);
    List<Example> out = new ArrayList<>(sources.size());
    for (int from = 0; from < sources.size(); from += batchSize) {
      List<Example> rows = sources.subList(from, Math.min(sources.size(), from + batchSize));
      try (NDManager scope = model.parameters().manager().newSubManager()) {
        Batch b = Batch.of(rows, ids.pad(), ids.bos(), ids.eos());
        int[][] translations = greedy.decode(model, scope, b.src(), b.srcLengths());
        for (int r = 0; r < rows.size(); r++) {
          out.add(new Example(rows.get(r).src(), translations[r], rows.get(r).index()));
        }
      }
    }
    return out;
  }

  /**
   * The norms of many sentences summed up: per position t the mean over the sentences at least t
   * long and their number; and the median over sentences of each one's ‖∂L/∂h_1‖ / ‖∂L/∂h_S‖, S its
   * length (NaN when no sentence is 2 or more tokens long).
   */
  public record Profile(double[] mean, int[] sentences, double medianRatio) {

    /** Sums up {@code norms}, one array per sentence. */
    public static Profile of(List<double[]> norms) {
      int longest = norms.stream().mapToInt(n -> n.length).max().orElse(0);
      double[] sum = new double[longest];
      int[] count = new int[longest];
      List<Double> ratios = new ArrayList<>();
      for (double[] n : norms) {
        for (int t = 0; t < n.length; t++) {
          sum[t] += n[t];
          count[t]++;
        }
        if (n.length >= 2) {
          ratios.add(n[0] / n[n.length - 1]);
        }
      }
      for (int t = 0; t < longest; t++) {
        sum[t] /= count[t];
      }
      return new Profile(sum, count, median(ratios));
    }

    private static double median(List<Double> values) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(v);
      int m = v.length / 2;
      return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
  }
}
