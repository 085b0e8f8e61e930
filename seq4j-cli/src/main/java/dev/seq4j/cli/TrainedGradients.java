package dev.seq4j.cli;

import dev.seq4j.config.ConfigException;
import dev.seq4j.config.DataConfig;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.data.CorpusException;
import dev.seq4j.data.ParallelCorpus;
import dev.seq4j.data.SentencePair;
import dev.seq4j.data.batch.Example;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.gradflow.EncoderGradients;
import dev.seq4j.model.rnn.RnnSeq2Seq;
import dev.seq4j.plot.LinePlot;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.MetricsLog;
import dev.seq4j.translate.ModelFamily;
import dev.seq4j.translate.TranslationBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code seq4j gradients --trained RUN}: ‖∂L/∂h_t‖ over the source positions of one encoder layer
 * of a trained recurrent translation model ({@link EncoderGradients}), on the run's validation
 * sentences, on {@code --src} (with {@code --ref}, or the model's own translations as targets), or
 * on random token sequences of {@code --length}.
 */
final class TrainedGradients {
  private static final int BATCH = 32;

  private final GradientsCommand options;
  private final PrintWriter out;

  TrainedGradients(GradientsCommand options, PrintWriter out) {
    this.options = options;
    this.out = out;
  }

  /** Sentences to measure on and where they come from. */
  private record Inputs(List<Example> examples, String origin) {}

  int run() throws IOException {
    try (TranslationBundle bundle = load(options.trained)) {
      if (!(bundle.model() instanceof RnnSeq2Seq model)) {
        throw new IllegalArgumentException(
            "--trained "
                + options.trained
                + ": a "
                + ModelFamily.of(bundle.config().model()).name().toLowerCase(Locale.ROOT)
                + " model; seq4j gradients measures the encoder of a recurrent model (model.type:"
                + " rnn)");
      }
      String cell = model.options().cell().name().toLowerCase(Locale.ROOT);
      if (!options.cells.isEmpty() && !options.cells.equals(List.of(model.options().cell()))) {
        throw new IllegalArgumentException(
            "--cell: the model in " + options.trained + " has " + cell + " cells");
      }
      int layers = model.options().layers();
      if (options.layer < 1 || options.layer > layers) {
        throw new IllegalArgumentException(
            "--layer must be 1 to " + layers + " (the encoder's layers), was " + options.layer);
      }
      Inputs inputs = inputs(bundle, model);
      List<double[]> norms =
          EncoderGradients.measure(model, options.layer - 1, inputs.examples(), ids(bundle), BATCH);
      EncoderGradients.Profile p = EncoderGradients.Profile.of(norms);
      report(model, cell, inputs, p);
      write(cell + "_trained", p);
    }
    return 0;
  }

  private static TranslationBundle load(Path run) throws IOException {
    try {
      return TranslationBundle.load(run);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(
          "--trained " + run + ": not a recurrent translation model: " + e.getMessage(), e);
    }
  }

  private static EncoderGradients.Ids ids(TranslationBundle bundle) {
    Vocabulary trg = bundle.trgVocabulary();
    return new EncoderGradients.Ids(trg.padId(), trg.bosId(), trg.eosId());
  }

  /** The examples, with targets: references where there are, else the model's translations. */
  private Inputs inputs(TranslationBundle bundle, RnnSeq2Seq model) {
    Inputs given = options.random ? randomInputs(bundle) : sentenceInputs(bundle);
    if (given.examples().stream().allMatch(e -> e.trg() != null)) {
      return given;
    }
    DecodeConfig d = bundle.config().decode();
    LengthLimit limit = new LengthLimit(d.maxLength(), d.maxLengthRatio(), d.maxLengthOffset());
    List<Example> translated =
        EncoderGradients.withOwnTranslations(model, given.examples(), ids(bundle), limit, BATCH);
    return new Inputs(translated, given.origin() + ", the model's own translations as targets");
  }

  private Inputs randomInputs(TranslationBundle bundle) {
    Vocabulary src = bundle.srcVocabulary();
    Set<String> specials = new HashSet<>(src.specials().tokensInOrder());
    int[] words =
        IntStream.range(0, src.size()).filter(i -> !specials.contains(src.token(i))).toArray();
    if (words.length == 0) {
      throw new IllegalArgumentException(options.trained + ": the source vocabulary has no words");
    }
    Random random = new Random(options.seed);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < options.sentences; i++) {
      int[] ids = new int[options.length];
      for (int t = 0; t < ids.length; t++) {
        ids[t] = words[random.nextInt(words.length)];
      }
      examples.add(new Example(ids, null, i));
    }
    return new Inputs(
        examples, options.sentences + " random sequences of " + options.length + " source tokens");
  }

  private Inputs sentenceInputs(TranslationBundle bundle) {
    List<String> sources;
    List<String> refs;
    String origin;
    if (options.src != null) {
      sources = EvaluateCommand.readAll(options.src);
      refs = options.ref == null ? null : EvaluateCommand.readAll(options.ref);
      if (refs != null && refs.size() != sources.size()) {
        throw new IllegalArgumentException(
            "--src " + options.src + " and --ref " + options.ref + " differ in line count");
      }
      origin = "--src " + options.src + (refs == null ? "" : " with --ref " + options.ref);
    } else {
      DataConfig data = bundle.config().data();
      if (data.valid() == null) {
        throw new IllegalArgumentException(
            "--trained " + options.trained + ": the run has no data.valid; give --src or --random");
      }
      sources = new ArrayList<>();
      refs = new ArrayList<>();
      for (SentencePair p : validation(data)) {
        sources.add(p.src());
        refs.add(p.trg());
      }
      origin = "validation set " + data.valid() + " with its references";
    }
    return encode(bundle, sources, refs, origin);
  }

  /** The run's validation pairs; a relative path counts from where training ran. */
  private List<SentencePair> validation(DataConfig data) {
    try {
      return ParallelCorpus.readAll(data.valid(), data.format(), data.src(), data.trg());
    } catch (CorpusException e) {
      throw new IllegalArgumentException(
          "--trained "
              + options.trained
              + ": cannot read the run's validation set ("
              + e.getMessage()
              + "; a relative data.valid counts from where training ran): run from there, or"
              + " give --src FILE [--ref FILE] or --random",
          e);
    }
  }

  /** The first {@code --sentences} non-empty sentences, encoded. */
  private Inputs encode(
      TranslationBundle bundle, List<String> sources, List<String> refs, String origin) {
    Tokenizer srcTok = bundle.srcTokenizer();
    Tokenizer trgTok = bundle.trgTokenizer();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < sources.size() && examples.size() < options.sentences; i++) {
      int[] src = bundle.srcVocabulary().encode(srcTok.tokenize(sources.get(i)));
      if (src.length == 0) {
        continue;
      }
      int[] trg = refs == null ? null : bundle.trgVocabulary().encode(trgTok.tokenize(refs.get(i)));
      examples.add(new Example(src, trg, i));
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(origin + ": no non-empty sentence");
    }
    return new Inputs(examples, examples.size() + " sentences of the " + origin);
  }

  private void report(RnnSeq2Seq model, String cell, Inputs inputs, EncoderGradients.Profile p) {
    int[] lengths = inputs.examples().stream().mapToInt(e -> e.src().length).toArray();
    out.printf(
        Locale.ROOT,
        "gradients: %s: %s encoder layer %d of %d (forward direction), attention %s;"
            + " %s, %d to %d tokens%n",
        options.trained,
        cell,
        options.layer,
        model.options().layers(),
        attention(model),
        inputs.origin(),
        IntStream.of(lengths).min().orElse(0),
        IntStream.of(lengths).max().orElse(0));
    out.printf(
        Locale.ROOT,
        "gradients: ||dL/dh_1|| / ||dL/dh_S|| (S each sentence's length): median %.3g;"
            + " ||dL/dh_1|| mean %.3g%n",
        p.medianRatio(),
        p.mean()[0]);
    out.flush();
  }

  private static String attention(RnnSeq2Seq model) {
    if (!model.options().attends()) {
      return "none";
    }
    return model.options().attention() instanceof Enum<?> e
        ? e.name().toLowerCase(Locale.ROOT)
        : "on";
  }

  private void write(String name, EncoderGradients.Profile p) throws IOException {
    Path out = options.out;
    Path csv = out.resolve("gradient-flow.csv");
    Files.deleteIfExists(csv);
    MetricsLog log = new MetricsLog(csv);
    for (int t = 0; t < p.mean().length; t++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("t", t + 1);
      row.put(name, p.mean()[t]);
      row.put("sentences", p.sentences()[t]);
      log.append(row);
    }
    double[] steps = IntStream.rangeClosed(1, p.mean().length).asDoubleStream().toArray();
    new LinePlot(
            "Gradient flow through encoder layer " + options.layer + " of " + options.trained,
            "source position t",
            "mean ||dL/dh_t||")
        .logY()
        .noMarkers()
        .legendBottom()
        .add(name.replace('_', ' '), steps, p.mean())
        .writePng(out.resolve("gradient-flow.png"), 900, 560);
    this.out.println("gradients: wrote " + csv + " and gradient-flow.png");
  }
}
