package dev.seq4j.api;

import dev.seq4j.engine.Engines;
import dev.seq4j.model.charrnn.NameClassifier;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.names.Classify;
import dev.seq4j.names.NameSampler;
import dev.seq4j.names.NamesBundle;
import dev.seq4j.names.NamesExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained character-level names model loaded from a run or checkpoint directory: a classifier
 * (surname → nationality, {@link #classify}) or a generator of new names ({@link #generate}). It
 * holds native memory: close it.
 *
 * <p><b>Thread-safety:</b> safe to share between threads; calls are serialized by an internal lock,
 * as in {@link TranslationModel}.
 *
 * <pre>{@code
 * try (NamesModel m = NamesModel.load(Path.of("runs/names-gru"))) {
 *   NamesModel.Prediction best = m.classify(List.of("Nakamura"), 1).get(0).get(0);
 * }
 * }</pre>
 */
public final class NamesModel implements AutoCloseable {
  private final NamesBundle bundle;
  private final Exclusive guard;

  /** What a names model does. */
  public enum Kind {
    /** Predicts a label (nationality) of a name. */
    CLASSIFIER,
    /** Writes names, one character at a time. */
    GENERATOR
  }

  /**
   * A label and its probability.
   *
   * @param label the class label, e.g. a nationality
   * @param probability its softmax probability, 0 to 1
   */
  public record Prediction(String label, double probability) {}

  private NamesModel(NamesBundle bundle) {
    this.bundle = bundle;
    this.guard = new Exclusive(bundle);
  }

  /**
   * Loads the model of a checkpoint directory, or of a run directory (best, else last).
   *
   * @throws IOException when a file cannot be read
   * @throws RuntimeException when the directory holds a translation model, naming it
   */
  public static NamesModel load(Path dir) throws IOException {
    Engines.start();
    return new NamesModel(NamesBundle.load(dir));
  }

  /** Whether this is a classifier or a generator. */
  public Kind kind() {
    return bundle.model() instanceof NameClassifier ? Kind.CLASSIFIER : Kind.GENERATOR;
  }

  /** The class labels (nationalities) in the model's order. */
  public List<String> labels() {
    return bundle.labels();
  }

  /** Whether this generator needs a nationality ({@code model.conditioned}); false otherwise. */
  public boolean conditioned() {
    return bundle.model() instanceof NameGenerator g && g.conditioned();
  }

  /**
   * The {@code top} most probable labels of each name, most probable first.
   *
   * @throws IllegalArgumentException when the model is not a classifier, {@code top < 1}, or a name
   *     is blank (named by its position, from 1)
   */
  public List<List<Prediction>> classify(List<String> names, int top) {
    return guard.call(
        () -> {
          return Classify.top(bundle, List.copyOf(names), top).stream()
              .map(
                  row -> row.stream().map(s -> new Prediction(s.label(), s.probability())).toList())
              .toList();
        });
  }

  /**
   * Writes {@code count} names of at most 30 characters. Each character is drawn from {@code
   * softmax(logits / temperature)}: a temperature near 0 is greedy, a large one flattens the
   * distribution. The same seed gives the same names.
   *
   * @param nationality the label to condition on: required by a {@link #conditioned} model, null
   *     otherwise
   * @throws IllegalArgumentException when the model is not a generator, {@code count < 1}, the
   *     temperature is negative or not finite, or the nationality is unknown, missing or not
   *     allowed
   */
  public List<String> generate(int count, String nationality, double temperature, long seed) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and >= 0, was " + temperature);
    }
    return guard.call(
        () -> {
          if (kind() != Kind.GENERATOR) {
            throw new IllegalArgumentException("not a generator: this model classifies names");
          }
          int label = nationality == null ? -1 : bundle.labelId(nationality);
          return NameSampler.sample(
              bundle, label, count, temperature, seed, NamesExperiment.MAX_NAME_LENGTH);
        });
  }

  /** Frees the model's native memory, after the call in progress (if any) has finished. */
  @Override
  public void close() {
    guard.close();
  }
}
