package dev.seq4j.translate;

import dev.seq4j.config.Choices;
import dev.seq4j.config.ConfigException;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.ConfigWriter;
import dev.seq4j.config.DataConfig;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.Section;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.model.ModelConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * One translation experiment ({@code task: translate}, the default): data, model, training and
 * decoding settings.
 *
 * @param name a label for the run
 * @param seed seeds parameter initialisation, shuffling, dropout and teacher forcing
 * @param model the family's record, selected by {@code model.type} ({@link ModelFamily})
 */
public record TranslationConfig(
    String name,
    long seed,
    DataConfig data,
    ModelConfig model,
    TrainConfig train,
    DecodeConfig decode)
    implements RunConfig {

  /**
   * Loads a translation experiment {@code file} with {@code overrides} of the form {@code
   * a.b=value}; a file of another {@code task} is an error.
   */
  public static TranslationConfig load(Path file, List<String> overrides) {
    return ConfigLoader.load(file, overrides, TranslationConfig::read);
  }

  /** Parses a translation experiment; {@code source} names the text in error messages. */
  public static TranslationConfig parse(String text, String source, List<String> overrides) {
    return ConfigLoader.parse(text, source, overrides, TranslationConfig::read);
  }

  /** Reads the top level of a translation YAML (its {@code task} must be {@code translate}). */
  public static TranslationConfig read(Section s) {
    Task task = RunConfig.task(s);
    if (task != Task.TRANSLATE) {
      throw new ConfigException(
          s.source()
              + ": task is '"
              + Choices.name(task)
              + "', not a translation experiment (names models are used with seq4j classify and"
              + " seq4j generate)");
    }
    TranslationConfig c =
        new TranslationConfig(
            s.string("name", "experiment", false),
            s.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
            DataConfig.read(s.section("data")),
            ModelFamily.read(s.section("model")),
            TrainConfig.read(s.section("train")),
            DecodeConfig.read(s.section("decode")));
    s.finish();
    return s.check(
        () -> {
          c.model().checkWith(c.data(), c.train());
          return c;
        });
  }

  @Override
  public Task task() {
    return Task.TRANSLATE;
  }

  /** The resolved configuration as YAML that {@link #parse} reads back to an equal record. */
  public String toYaml() {
    return ConfigWriter.HEADER
        + ConfigWriter.entry("name", name)
        + ConfigWriter.entry("seed", seed)
        + ConfigWriter.section("data", data)
        + "model:\n"
        + ConfigWriter.field("type", ModelFamily.of(model))
        + ConfigWriter.fields((Record) model)
        + ConfigWriter.section("train", train)
        + ConfigWriter.section("decode", decode);
  }

  /** A copy with another training section. */
  public TranslationConfig withTrain(TrainConfig t) {
    return new TranslationConfig(name, seed, data, model, t, decode);
  }

  /** A copy with another data section. */
  public TranslationConfig withData(DataConfig d) {
    return new TranslationConfig(name, seed, d, model, train, decode);
  }
}
