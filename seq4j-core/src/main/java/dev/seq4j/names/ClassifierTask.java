package dev.seq4j.names;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.eval.ClassificationReport;
import dev.seq4j.model.charrnn.NameClassifier;
import dev.seq4j.train.loss.ClassCrossEntropy;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training the classifier: batches of names, the (optionally class-weighted) cross-entropy of the
 * nationality, and validation loss (unweighted), accuracy and macro F1.
 */
public final class ClassifierTask extends NamesTask {
  private final NameClassifier model;
  private final float[] weights;

  /**
   * The task of training {@code bundle}'s classifier on {@code train}, validated on {@code valid}.
   */
  public ClassifierTask(
      NamesBundle bundle, List<NameBatch.Encoded> train, List<NameBatch.Encoded> valid) {
    super(bundle, train, valid);
    if (!(bundle.model() instanceof NameClassifier c)) {
      throw new IllegalArgumentException("not a classifier: task " + bundle.config().task());
    }
    this.model = c;
    if (bundle.config().classWeights() == NamesConfig.ClassWeights.BALANCED) {
      int[] counts = new int[bundle.labels().size()];
      train.forEach(e -> counts[e.label()]++);
      this.weights = ClassCrossEntropy.balanced(counts);
    } else {
      this.weights = null;
    }
  }

  /** The per-class loss weights, or null when classes are not weighted. */
  public float[] weights() {
    return weights == null ? null : weights.clone();
  }

  @Override
  public MaskedCrossEntropy.Result loss(NameBatch batch, NDManager scope, long step) {
    NDArray logits = model.logits(batch.ids(scope, bundle.chars().padId()), batch.lengths(), true);
    return ClassCrossEntropy.loss(
        logits,
        scope.create(batch.labels()).toType(ai.djl.ndarray.types.DataType.INT64, false),
        weights == null ? null : scope.create(weights),
        bundle.config().train().labelSmoothing());
  }

  @Override
  public Map<String, Double> validate() {
    Map<String, Double> row = new LinkedHashMap<>();
    if (valid.isEmpty()) {
      row.put("valid_loss", Double.NaN);
      row.put("valid_acc", Double.NaN);
      row.put("valid_macro_f1", Double.NaN);
      return row;
    }
    Evaluation e = evaluate(bundle, valid);
    row.put("valid_loss", e.loss());
    row.put("valid_acc", e.report().accuracy());
    row.put("valid_macro_f1", e.report().macroF1());
    return row;
  }

  /** Loss and report of a classifier on labelled names. */
  public record Evaluation(double loss, ClassificationReport report) {}

  /** The mean cross-entropy (unweighted) and the classification report on {@code examples}. */
  public static Evaluation evaluate(NamesBundle bundle, List<NameBatch.Encoded> examples) {
    List<String> labels = bundle.labels();
    float[][] p = Classify.probabilities(bundle, examples.stream().map(e -> e.chars()).toList());
    int[] gold = new int[examples.size()];
    int[] predicted = new int[examples.size()];
    double loss = 0;
    for (int i = 0; i < examples.size(); i++) {
      gold[i] = examples.get(i).label();
      predicted[i] = Classify.argmax(p[i]);
      loss -= Math.log(Math.max(p[i][gold[i]], Float.MIN_NORMAL));
    }
    return new Evaluation(
        loss / Math.max(1, examples.size()), ClassificationReport.of(labels, gold, predicted));
  }
}
