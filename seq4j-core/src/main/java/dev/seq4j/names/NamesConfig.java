package dev.seq4j.names;

import dev.seq4j.config.Bound;
import dev.seq4j.config.ConfigException;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.ConfigWriter;
import dev.seq4j.config.RunConfig;
import dev.seq4j.config.Section;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.model.charrnn.CharRnnConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A character-level model of names: a classifier (surname → nationality) or a generator (a
 * character language model, optionally conditioned on the nationality).
 *
 * @param name a label for the run
 * @param seed seeds parameter initialisation, shuffling and dropout
 * @param task {@code classify} or {@code generate}
 * @param classWeights {@code train.classWeights}: weigh the classifier's loss per class
 */
public record NamesConfig(
    String name,
    long seed,
    Task task,
    Data data,
    CharRnnConfig model,
    TrainConfig train,
    ClassWeights classWeights)
    implements RunConfig {

  /** Per-class loss weights of the classifier. */
  public enum ClassWeights {
    /** Every name counts the same. */
    NONE,
    /** Class c weighs n / (C · n_c), so each class contributes equally in expectation. */
    BALANCED
  }

  /**
   * Where the names are and how they are split.
   *
   * @param folder a folder of {@code <Label>.txt} files, one name a line
   * @param trainShare share of each label's names used for training
   * @param validShare share used for validation (the rest is the test split)
   * @param splitSeed seeds the stratified split (independent of the model's seed)
   * @param lowercase lowercase names before reading their characters
   */
  public record Data(
      String folder, double trainShare, double validShare, long splitSeed, boolean lowercase) {

    /** Reads the {@code data} section. */
    public static Data read(Section s) {
      Data d =
          new Data(
              s.string("folder", null, true),
              s.number("trainShare", 0.70, Bound.above(0), Bound.below(1)),
              s.number("validShare", 0.15, Bound.atLeast(0), Bound.below(1)),
              s.integer("splitSeed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
              s.bool("lowercase", false));
      if (d.trainShare() + d.validShare() >= 1) {
        throw s.invalid(
            "validShare",
            "trainShare + validShare must be below 1 (the rest is the test split), were "
                + d.trainShare()
                + " + "
                + d.validShare());
      }
      s.finish();
      return d;
    }
  }

  /** Loads a names experiment ({@code task: classify} or {@code generate}). */
  public static NamesConfig load(Path file, List<String> overrides) {
    return ConfigLoader.load(file, overrides, NamesConfig::read);
  }

  /** Parses a names experiment; {@code source} names the text in error messages. */
  public static NamesConfig parse(String text, String source, List<String> overrides) {
    return ConfigLoader.parse(text, source, overrides, NamesConfig::read);
  }

  /** Reads the top level of a names YAML (its {@code task} must be classify or generate). */
  public static NamesConfig read(Section s) {
    Task task = RunConfig.task(s);
    if (task == Task.TRANSLATE) {
      throw new ConfigException(
          s.source()
              + ": task is 'translate', not a names experiment (names models need task classify"
              + " or generate)");
    }
    String name = s.string("name", task == Task.CLASSIFY ? "names-classifier" : "names", false);
    long seed = s.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    Data data = Data.read(s.section("data"));
    Section modelSection = s.section("model");
    CharRnnConfig model = CharRnnConfig.read(modelSection);
    Section trainSection = s.section("train");
    ClassWeights weights =
        trainSection.choice("classWeights", ClassWeights.NONE, ClassWeights.class);
    TrainConfig train = TrainConfig.read(trainSection);
    s.finish();
    if (task == Task.GENERATE && model.bidirectional()) {
      throw modelSection.invalid(
          "bidirectional",
          "a generator reads names left to right: must be false for task generate");
    }
    if (task == Task.CLASSIFY && model.conditioned()) {
      throw modelSection.invalid(
          "conditioned", "only a generator is conditioned on the nationality (task generate)");
    }
    if (task == Task.GENERATE && weights != ClassWeights.NONE) {
      throw trainSection.invalid(
          "classWeights", "only the classifier (task classify) weighs classes");
    }
    if (train.metric() == TrainConfig.Metric.BLEU) {
      throw trainSection.invalid("metric", "must be loss or accuracy for names models, was bleu");
    }
    if (train.batchTokens() > 0) {
      throw trainSection.invalid(
          "batchTokens",
          "names models batch by train.batchSize; must be 0, was " + train.batchTokens());
    }
    if (train.teacherForcing() < 1) {
      throw trainSection.invalid(
          "teacherForcing",
          "names models always read the true previous character; must be 1, was "
              + train.teacherForcing());
    }
    return new NamesConfig(name, seed, task, data, model, train, weights);
  }

  /** The resolved configuration as YAML that {@link #parse} reads back to an equal record. */
  public String toYaml() {
    return ConfigWriter.HEADER
        + ConfigWriter.entry("task", task)
        + ConfigWriter.entry("name", name)
        + ConfigWriter.entry("seed", seed)
        + ConfigWriter.section("data", data)
        + ConfigWriter.section("model", model)
        + "train:\n"
        + ConfigWriter.field("classWeights", classWeights)
        + ConfigWriter.fields(train);
  }
}
