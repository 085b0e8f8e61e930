package dev.seq4j.config;

/**
 * One experiment: data, model, training and decoding settings.
 *
 * @param name a label for the run
 * @param seed seeds parameter initialisation, shuffling, dropout and teacher forcing
 */
public record ExperimentConfig(
    String name,
    long seed,
    DataConfig data,
    ModelConfig model,
    TrainConfig train,
    DecodeConfig decode)
    implements RunConfig {

  static ExperimentConfig read(Section s) {
    ExperimentConfig c =
        new ExperimentConfig(
            s.string("name", "experiment", false),
            s.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
            DataConfig.read(s.section("data")),
            ModelConfig.read(s.section("model")),
            TrainConfig.read(s.section("train")),
            DecodeConfig.read(s.section("decode")));
    s.finish();
    if (c.model() instanceof TransformerConfig t) {
      if (t.tie() == TransformerConfig.Tie.ALL && !c.data().sharedVocabulary()) {
        throw s.section("model")
            .invalid(
                "tie", "'all' needs data.sharedVocabulary: true (one vocabulary for both sides)");
      }
      if (c.train().teacherForcing() < 1) {
        throw s.section("train")
            .invalid(
                "teacherForcing",
                "must be 1 for a transformer (its decoder reads the whole reference at once), was "
                    + c.train().teacherForcing());
      }
    }
    return c;
  }

  @Override
  public Task task() {
    return Task.TRANSLATE;
  }

  /** A copy with another training section. */
  public ExperimentConfig withTrain(TrainConfig t) {
    return new ExperimentConfig(name, seed, data, model, t, decode);
  }

  /** A copy with another data section. */
  public ExperimentConfig withData(DataConfig d) {
    return new ExperimentConfig(name, seed, d, model, train, decode);
  }
}
