package dev.seq4j.names;

import dev.seq4j.config.RunConfig;
import dev.seq4j.data.NamesCorpus;
import dev.seq4j.io.AtomicFiles;
import dev.seq4j.io.RunLock;
import dev.seq4j.plot.HeatmapPlot;
import dev.seq4j.tokenize.CharTokenizer;
import dev.seq4j.tokenize.SpecialTokens;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.CheckpointStore;
import dev.seq4j.train.MetricsLog;
import dev.seq4j.train.TrainListener;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingTask;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.TranslationExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of a names model: reads the {@code <Label>.txt} folder, splits it (stratified,
 * seeded), builds the character vocabulary from the training names, trains, then scores the best
 * checkpoint on the test split. Besides the usual {@code config.yaml}, {@code metrics.csv}, {@code
 * plots/} and {@code checkpoints/}, a run writes {@code data.json} (split sizes per label,
 * duplicates removed, names shared between labels) and {@code test.json}; a classifier adds {@code
 * confusion.csv} and {@code plots/confusion.png}, a generator {@code samples.txt}.
 */
public final class NamesExperiment {
  private static final Logger LOG = LoggerFactory.getLogger(NamesExperiment.class);

  /** Temperature of the samples {@code test.json} measures novelty on. */
  static final double NOVELTY_TEMPERATURE = 1.0;

  /** Names drawn to measure novelty. */
  static final int NOVELTY_SAMPLES = 1000;

  /** Longest generated name. */
  public static final int MAX_NAME_LENGTH = 30;

  private NamesExperiment() {}

  /**
   * The training result and the test figures (empty when training was interrupted).
   *
   * @param test what {@code test.json} holds
   */
  public record Outcome(Trainer.TrainResult train, Map<String, Object> test) {}

  /**
   * Trains {@code config} into {@code runDir}; see {@link
   * dev.seq4j.translate.TranslationExperiment#run}.
   */
  public static Outcome run(
      NamesConfig config,
      Path runDir,
      boolean resume,
      TrainListener listener,
      Consumer<Trainer> onTrainer)
      throws IOException {
    try (RunLock lock = TranslationExperiment.open(runDir, resume, config.toYaml())) {
      NamesCorpus corpus = NamesCorpus.read(Path.of(config.data().folder()));
      NamesCorpus.Split split =
          corpus.split(
              config.data().trainShare(), config.data().validShare(), config.data().splitSeed());
      MetricsLog.writeJson(runDir.resolve("data.json"), describe(corpus, split));
      LOG.info(
          "data: {} labels; {} train, {} validation, {} test names; {} repeated names dropped;"
              + " {} names under several labels",
          corpus.labels().size(),
          split.train().size(),
          split.valid().size(),
          split.test().size(),
          corpus.duplicatesRemoved().values().stream().mapToInt(Integer::intValue).sum(),
          corpus.shared().size());
      Vocabulary chars = vocabulary(split.train(), config.data().lowercase());
      try (NamesBundle bundle = NamesBundle.create(config, chars, corpus.labels())) {
        LOG.info("model: {} parameters; {} characters", bundle.parameters().count(), chars.size());
        List<NameBatch.Encoded> train = encode(bundle, split.train());
        List<NameBatch.Encoded> valid = encode(bundle, split.valid());
        TrainingTask<NameBatch> task =
            config.task() == RunConfig.Task.CLASSIFY
                ? new ClassifierTask(bundle, train, valid)
                : new GeneratorTask(bundle, train, valid);
        Trainer trainer = new Trainer(task, config, runDir, listener);
        if (resume) {
          trainer.resume();
        }
        onTrainer.accept(trainer);
        Trainer.TrainResult result = trainer.fit();
        if ("interrupted".equals(result.outcome())) {
          return new Outcome(result, Map.of());
        }
        Path best = new CheckpointStore(runDir.resolve("checkpoints")).load("best");
        bundle.parameters().load(best.resolve(TranslationBundle.PARAMS));
        List<NameBatch.Encoded> test = encode(bundle, split.test());
        Map<String, Object> figures =
            config.task() == RunConfig.Task.CLASSIFY
                ? testClassifier(bundle, test, runDir)
                : testGenerator(bundle, test, split.train(), runDir);
        figures.put("parameters", bundle.parameters().count());
        figures.put("train_seconds", result.figures().get("train_seconds"));
        MetricsLog.writeJson(runDir.resolve("test.json"), figures);
        Map<String, Object> metrics = new LinkedHashMap<>(result.figures());
        figures.forEach(
            (k, v) -> {
              if (v instanceof Number && !metrics.containsKey(k)) {
                metrics.put("test_" + k, v);
              }
            });
        MetricsLog.writeJson(runDir.resolve("metrics.json"), metrics);
        return new Outcome(result, figures);
      }
    }
  }

  private static Map<String, Object> testClassifier(
      NamesBundle bundle, List<NameBatch.Encoded> test, Path runDir) throws IOException {
    ClassifierTask.Evaluation e = ClassifierTask.evaluate(bundle, test);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("loss", e.loss());
    figures.putAll(e.report().toMap());
    AtomicFiles.write(runDir.resolve("confusion.csv"), e.report().confusionCsv());
    HeatmapPlot.writePng(
        runDir.resolve("plots").resolve("confusion.png"),
        bundle.labels(),
        bundle.labels(),
        e.report().rowNormalised(),
        List.of("rows: true label", "columns: predicted", "shade: share of the row"));
    LOG.info(
        "test: accuracy {}, macro F1 {} ({} names)",
        String.format("%.4f", e.report().accuracy()),
        String.format("%.4f", e.report().macroF1()),
        test.size());
    return figures;
  }

  private static Map<String, Object> testGenerator(
      NamesBundle bundle,
      List<NameBatch.Encoded> test,
      List<NamesCorpus.Example> trainNames,
      Path runDir)
      throws IOException {
    GeneratorTask.Evaluation e = GeneratorTask.evaluate(bundle, test);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("loss", e.loss());
    figures.put("accuracy", e.accuracy());
    figures.put("perplexity", e.perplexity());
    figures.put("characters", e.characters());
    Set<String> seen = new HashSet<>();
    trainNames.forEach(n -> seen.add(n.name()));
    boolean conditioned = bundle.config().model().conditioned();
    List<String> labels = conditioned ? bundle.labels() : List.of("(any)");
    int perLabel = Math.max(1, NOVELTY_SAMPLES / labels.size());
    long seed = bundle.config().seed();
    int drawn = 0;
    int novel = 0;
    StringBuilder samples = new StringBuilder();
    for (int c = 0; c < labels.size(); c++) {
      int label = conditioned ? c : -1;
      for (String name :
          NameSampler.sample(
              bundle, label, perLabel, NOVELTY_TEMPERATURE, seed + c, MAX_NAME_LENGTH)) {
        drawn++;
        if (!seen.contains(name)) {
          novel++;
        }
      }
      List<String> shown = NameSampler.sample(bundle, label, 10, 0.8, seed + c, MAX_NAME_LENGTH);
      samples.append(labels.get(c)).append('\t').append(String.join(", ", shown)).append('\n');
    }
    figures.put("novelty_temperature", NOVELTY_TEMPERATURE);
    figures.put("samples_drawn", drawn);
    figures.put("novel_share", novel / (double) drawn);
    AtomicFiles.write(runDir.resolve("samples.txt"), samples.toString());
    LOG.info(
        "test: next-character accuracy {}, perplexity {}; {} of {} samples at T={} are new",
        String.format("%.4f", e.accuracy()),
        String.format("%.3f", e.perplexity()),
        novel,
        drawn,
        NOVELTY_TEMPERATURE);
    return figures;
  }

  /** The character vocabulary of {@code names}: specials {@code <MASK> <UNK> <BEGIN> <END>}. */
  public static Vocabulary vocabulary(List<NamesCorpus.Example> names, boolean lowercase) {
    CharTokenizer tokenizer = new CharTokenizer(lowercase);
    List<List<String>> tokenized = new ArrayList<>(names.size());
    names.forEach(n -> tokenized.add(tokenizer.tokenize(n.name())));
    return Vocabulary.fromCounts(
        Vocabulary.count(tokenized), SpecialTokens.characters(), 1, Integer.MAX_VALUE);
  }

  /** The names as character ids with their labels. */
  public static List<NameBatch.Encoded> encode(
      NamesBundle bundle, List<NamesCorpus.Example> names) {
    List<NameBatch.Encoded> out = new ArrayList<>(names.size());
    names.forEach(n -> out.add(new NameBatch.Encoded(bundle.encode(n.name()), n.label())));
    return out;
  }

  private static Map<String, Object> describe(NamesCorpus corpus, NamesCorpus.Split split) {
    List<Map<String, Object>> perLabel = new ArrayList<>();
    for (int c = 0; c < corpus.labels().size(); c++) {
      int label = c;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", corpus.labels().get(c));
      row.put("train", split.train().stream().filter(e -> e.label() == label).count());
      row.put("valid", split.valid().stream().filter(e -> e.label() == label).count());
      row.put("test", split.test().stream().filter(e -> e.label() == label).count());
      row.put("duplicates_removed", corpus.duplicatesRemoved().get(corpus.labels().get(c)));
      perLabel.add(row);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("train", split.train().size());
    d.put("valid", split.valid().size());
    d.put("test", split.test().size());
    d.put("labels", perLabel);
    d.put("shared_names", corpus.shared().size());
    d.put("shared", corpus.shared());
    return d;
  }
}
