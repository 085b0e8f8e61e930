package dev.seq4j.names;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.config.ConfigException;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.RunConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.charrnn.NameClassifier;
import dev.seq4j.model.charrnn.NameGenerator;
import dev.seq4j.model.charrnn.NamesModel;
import dev.seq4j.tokenize.CharTokenizer;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.SavedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained names model: configuration, character vocabulary ({@code chars.vocab}), class labels
 * ({@code labels.txt}, one a line, in class-id order) and parameters ({@code model.safetensors}).
 */
public final class NamesBundle implements SavedModel, AutoCloseable {
  private final NamesConfig config;
  private final Vocabulary chars;
  private final List<String> labels;
  private final NDManager manager;
  private final NamesModel model;
  private final CharTokenizer tokenizer; // stateless: one token per character

  private NamesBundle(NamesConfig config, Vocabulary chars, List<String> labels) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("a names model needs at least one label");
    }
    this.config = config;
    this.chars = chars;
    this.labels = List.copyOf(labels);
    this.tokenizer = new CharTokenizer(config.data().lowercase());
    this.manager = Engines.start().newBaseManager();
    Engine.getInstance().setRandomSeed((int) config.seed());
    this.model =
        config.task() == RunConfig.Task.CLASSIFY
            ? new NameClassifier(config.model(), chars.size(), labels.size(), manager)
            : new NameGenerator(config.model(), chars.size(), labels.size(), manager);
  }

  /** A model with fresh parameters (seeded by {@code config.seed}). */
  public static NamesBundle create(NamesConfig config, Vocabulary chars, List<String> labels) {
    return new NamesBundle(config, chars, labels);
  }

  /** Loads a bundle from a checkpoint directory or a run directory (best, else last). */
  public static NamesBundle load(Path dir) throws IOException {
    Path d = RunDirectory.checkpoint(dir);
    Path file = d.resolve(RunDirectory.CONFIG);
    if (ConfigLoader.load(file, List.of(), RunConfig::task) == RunConfig.Task.TRANSLATE) {
      throw new ConfigException(
          d + ": a translation model, not a names model (use seq4j translate or evaluate)");
    }
    NamesConfig config = NamesConfig.load(file, List.of());
    Vocabulary chars = Vocabulary.load(d.resolve("chars.vocab"));
    List<String> labels =
        Files.readAllLines(d.resolve("labels.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isEmpty())
            .toList();
    return RunDirectory.loadWeights(new NamesBundle(config, chars, labels), d);
  }

  @Override
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(RunDirectory.CONFIG), config.toYaml());
    chars.save(dir.resolve("chars.vocab"));
    Files.write(dir.resolve("labels.txt"), labels, StandardCharsets.UTF_8);
    RunDirectory.saveWeights(model.parameters(), dir);
  }

  /** The character ids of {@code name} (unknown characters map to {@code <UNK>}). */
  public int[] encode(String name) {
    return chars.encode(tokenizer.tokenize(name));
  }

  /** The text of character ids (specials dropped). */
  public String decode(int[] ids) {
    return tokenizer.detokenize(chars.decode(ids, true));
  }

  /** The class id of {@code label}, or an error listing the labels. */
  public int labelId(String label) {
    int id = labels.indexOf(label);
    if (id < 0) {
      throw new IllegalArgumentException(
          "unknown nationality '" + label + "' (one of: " + String.join(", ", labels) + ")");
    }
    return id;
  }

  @Override
  public Parameters parameters() {
    return model.parameters();
  }

  /** The configuration. */
  public NamesConfig config() {
    return config;
  }

  /** The character vocabulary. */
  public Vocabulary chars() {
    return chars;
  }

  /** The class labels in id order. */
  public List<String> labels() {
    return labels;
  }

  /** The model. */
  public NamesModel model() {
    return model;
  }

  /** The manager owning the parameters. */
  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
