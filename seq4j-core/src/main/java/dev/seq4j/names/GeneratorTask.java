package dev.seq4j.names;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training the generator: teacher-forced next-character cross-entropy over {@code <BEGIN> name
 * <END>} (the {@code <END>} prediction included), validated by next-character loss, accuracy and
 * perplexity.
 */
public final class GeneratorTask extends NamesTask {
  private final NameGenerator model;

  /**
   * The task of training {@code bundle}'s generator on {@code train}, validated on {@code valid}.
   */
  public GeneratorTask(
      NamesBundle bundle, List<NameBatch.Encoded> train, List<NameBatch.Encoded> valid) {
    super(bundle, train, valid);
    if (!(bundle.model() instanceof NameGenerator g)) {
      throw new IllegalArgumentException("not a generator: task " + bundle.config().task());
    }
    this.model = g;
  }

  @Override
  public MaskedCrossEntropy.Result loss(NameBatch batch, NDManager scope, long step) {
    return loss(bundle, model, batch, scope, true, bundle.config().train().labelSmoothing());
  }

  private static MaskedCrossEntropy.Result loss(
      NamesBundle bundle,
      NameGenerator model,
      NameBatch batch,
      NDManager scope,
      boolean training,
      double smoothing) {
    Vocabulary v = bundle.chars();
    int[] lengths = batch.lengths();
    for (int i = 0; i < lengths.length; i++) {
      lengths[i]++; // <BEGIN> before the name
    }
    NDArray logits =
        model.logits(batch.inputs(scope, v.bosId(), v.padId()), lengths, batch.labels(), training);
    return MaskedCrossEntropy.loss(
        logits, batch.targets(scope, v.eosId(), v.padId()), batch.targetMask(scope), smoothing);
  }

  @Override
  public Map<String, Double> validate() {
    Evaluation e = evaluate(bundle, valid);
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("valid_loss", e.loss());
    row.put("valid_acc", e.accuracy());
    row.put("valid_ppl", Math.exp(e.loss()));
    return row;
  }

  /**
   * Next-character figures over held-out names.
   *
   * @param loss mean cross-entropy per predicted character ({@code <END>} included)
   * @param accuracy share of characters whose most probable prediction is right
   * @param characters number of predictions
   */
  public record Evaluation(double loss, double accuracy, long characters) {

    /** Perplexity per character: exp(loss). */
    public double perplexity() {
      return Math.exp(loss);
    }
  }

  /** Next-character loss and accuracy of {@code bundle}'s generator on {@code examples}. */
  public static Evaluation evaluate(NamesBundle bundle, List<NameBatch.Encoded> examples) {
    if (!(bundle.model() instanceof NameGenerator model)) {
      throw new IllegalArgumentException("not a generator: task " + bundle.config().task());
    }
    double sum = 0;
    long count = 0;
    long correct = 0;
    for (NameBatch b : NameBatch.plan(examples, Classify.BATCH, false, 0)) {
      try (NDManager scope = bundle.manager().newSubManager()) {
        MaskedCrossEntropy.Result r = loss(bundle, model, b, scope, false, 0);
        sum += r.sum().getFloat();
        count += r.tokens();
        correct += r.correct();
      }
    }
    return count == 0
        ? new Evaluation(Double.NaN, Double.NaN, 0)
        : new Evaluation(sum / count, correct / (double) count, count);
  }
}
