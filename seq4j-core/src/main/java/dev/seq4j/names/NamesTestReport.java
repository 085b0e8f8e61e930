package dev.seq4j.names;

import dev.seq4j.data.NamesCorpus;
import dev.seq4j.io.AtomicFiles;
import dev.seq4j.plot.HeatmapPlot;
import dev.seq4j.train.RunDirectory;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test-split figures of a trained names model and its report files: a classifier's loss,
 * accuracy and F1 with {@code confusion.csv} and {@code plots/confusion.png}; a generator's
 * next-character loss, accuracy and perplexity, the share of novel samples and {@code samples.txt}.
 */
final class NamesTestReport {
  private static final Logger LOG = LoggerFactory.getLogger(NamesTestReport.class);

  /** Temperature of the samples {@code test.json} measures novelty on. */
  static final double NOVELTY_TEMPERATURE = 1.0;

  /** Names drawn to measure novelty. */
  static final int NOVELTY_SAMPLES = 1000;

  private NamesTestReport() {}

  /** A classifier's figures; writes {@code confusion.csv} and {@code plots/confusion.png}. */
  static Map<String, Object> classifier(
      NamesBundle bundle, List<NameBatch.Encoded> test, RunDirectory run) throws IOException {
    ClassifierTask.Evaluation e = ClassifierTask.evaluate(bundle, test);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("loss", e.loss());
    figures.putAll(e.report().toMap());
    AtomicFiles.write(run.file("confusion.csv"), e.report().confusionCsv());
    HeatmapPlot.writePng(
        run.plots().resolve("confusion.png"),
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

  /**
   * A generator's figures, with the share of {@link #NOVELTY_SAMPLES} samples not among {@code
   * trainNames}; writes {@code samples.txt}.
   */
  static Map<String, Object> generator(
      NamesBundle bundle,
      List<NameBatch.Encoded> test,
      List<NamesCorpus.Example> trainNames,
      RunDirectory run)
      throws IOException {
    GeneratorTask.Evaluation e = GeneratorTask.evaluate(bundle, test);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("loss", e.loss());
    figures.put("accuracy", e.accuracy());
    figures.put("perplexity", e.perplexity());
    figures.put("characters", e.characters());
    Novelty n = novelty(bundle, trainNames);
    figures.put("novelty_temperature", NOVELTY_TEMPERATURE);
    figures.put("samples_drawn", n.drawn());
    figures.put("novel_share", n.novel() / (double) n.drawn());
    AtomicFiles.write(run.file("samples.txt"), n.samples());
    LOG.info(
        "test: next-character accuracy {}, perplexity {}; {} of {} samples at T={} are new",
        String.format("%.4f", e.accuracy()),
        String.format("%.3f", e.perplexity()),
        n.novel(),
        n.drawn(),
        NOVELTY_TEMPERATURE);
    return figures;
  }

  /**
   * Samples drawn and how many of them are new; {@code samples} shows ten names a label at T=0.8,
   * one label a line.
   */
  private record Novelty(int drawn, int novel, String samples) {}

  private static Novelty novelty(NamesBundle bundle, List<NamesCorpus.Example> trainNames) {
    Set<String> seen = new HashSet<>();
    trainNames.forEach(n -> seen.add(n.name()));
    boolean conditioned = bundle.config().model().conditioned();
    List<String> labels = conditioned ? bundle.labels() : List.of("(any)");
    int perLabel = Math.max(1, NOVELTY_SAMPLES / labels.size());
    long seed = bundle.config().seed();
    int maxLength = NamesExperiment.MAX_NAME_LENGTH;
    int drawn = 0;
    int novel = 0;
    StringBuilder samples = new StringBuilder();
    for (int c = 0; c < labels.size(); c++) {
      int label = conditioned ? c : -1;
      for (String name :
          NameSampler.sample(bundle, label, perLabel, NOVELTY_TEMPERATURE, seed + c, maxLength)) {
        drawn++;
        if (!seen.contains(name)) {
          novel++;
        }
      }
      List<String> shown = NameSampler.sample(bundle, label, 10, 0.8, seed + c, maxLength);
      samples.append(labels.get(c)).append('\t').append(String.join(", ", shown)).append('\n');
    }
    return new Novelty(drawn, novel, samples.toString());
  }
}
