package dev.seq4j.config;

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
    Model model,
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

    static Data read(Section s) {
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

  /**
   * The network.
   *
   * @param cell the recurrent cell
   * @param embedding character embedding size
   * @param hidden recurrent state size
   * @param layers stacked recurrent layers
   * @param bidirectional read each name in both directions (classifier only)
   * @param mlpHidden classifier: size of the MLP's hidden layer (0: one linear layer)
   * @param dropout dropout on embeddings, between layers and in the MLP
   * @param conditioned generator: the nationality's embedding initialises the hidden state
   */
  public record Model(
      RnnConfig.Cell cell,
      int embedding,
      int hidden,
      int layers,
      boolean bidirectional,
      int mlpHidden,
      double dropout,
      boolean conditioned) {

    static Model read(Section s) {
      Model m =
          new Model(
              s.choice("cell", RnnConfig.Cell.GRU, RnnConfig.Cell.class),
              (int) s.integer("embedding", 64, 1, 65_536),
              (int) s.integer("hidden", 128, 1, 65_536),
              (int) s.integer("layers", 1, 1, 16),
              s.bool("bidirectional", false),
              (int) s.integer("mlpHidden", 128, 0, 65_536),
              s.number("dropout", 0.0, Bound.atLeast(0), Bound.below(1)),
              s.bool("conditioned", false));
      s.finish();
      return m;
    }
  }

  static NamesConfig read(Section s, Task task) {
    String name = s.string("name", task == Task.CLASSIFY ? "names-classifier" : "names", false);
    long seed = s.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    Data data = Data.read(s.section("data"));
    Section modelSection = s.section("model");
    Model model = Model.read(modelSection);
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
}
