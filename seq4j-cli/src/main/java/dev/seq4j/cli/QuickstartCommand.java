package dev.seq4j.cli;

import dev.seq4j.data.synthetic.DateTask;
import dev.seq4j.engine.Engines;
import dev.seq4j.translate.Evaluator;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.TranslationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j quickstart}: generate the date task, train, evaluate on held-out dates. */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description =
        "Train an LSTM encoder-decoder that rewrites written dates as ISO dates"
            + " ('Thursday, 12 March 1987' -> '1987-03-12') on generated data, then report exact"
            + " match on 1,000 held-out dates. About 2-3 minutes on 2 cores.",
    footer = {"%nExample:%n  ./seq4j quickstart"})
public final class QuickstartCommand implements Callable<Integer> {
  static final int TRAIN = 20_000;
  static final int VALID = 500;
  static final int TEST = 1_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--out", description = "run directory (default: runs/quickstart-TIMESTAMP)")
  Path out;

  @Option(
      names = "--set",
      description = "override a key of the embedded config, e.g. train.epochs=1")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Path dir = out != null ? out : InterruptibleTraining.defaultDir("quickstart");
    Path data = dir.resolve("data");
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "quickstart: generating %,d training, %,d validation and %,d test dates in %s%n",
        TRAIN, VALID, TEST, data);
    new DateTask()
        .writeSplits(data, List.of("train", "valid", "test"), List.of(TRAIN, VALID, TEST), 42);
    TranslationConfig c = embeddedConfig(overrides);
    c =
        c.withData(
            c.data()
                .withPaths(
                    data.resolve("train").toString(),
                    data.resolve("valid").toString(),
                    data.resolve("test").toString()));
    o.println("quickstart: training (progress below; plots and checkpoints go to " + dir + ")");
    o.flush();
    Engines.start();
    InterruptibleTraining.train(c, dir, false, System.err);
    try (TranslationBundle bundle = TranslationBundle.load(dir)) {
      List<String> src = EvaluateCommand.readAll(data.resolve("test.src"));
      List<String> ref = EvaluateCommand.readAll(data.resolve("test.trg"));
      Evaluator.Result r = new Evaluator(bundle, src, ref).run();
      o.println("quickstart: five held-out examples");
      for (int i = 0; i < 5; i++) {
        o.printf(
            "  %-28s -> %s%s%n",
            src.get(i),
            r.hypotheses().get(i),
            r.hypotheses().get(i).equals(r.references().get(i))
                ? ""
                : "   (reference " + r.references().get(i) + ")");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      o.printf(
          Locale.ROOT,
          "quickstart: test exact match %.1f %% on %,d dates, BLEU %.2f%n",
          100 * r.exactMatch(),
          src.size(),
          r.bleu());
      o.printf(
          "quickstart: plots in %s, model in %s%n",
          dir.resolve("plots"), dir.resolve("checkpoints/best"));
      o.printf(
          "quickstart: try it: echo 'the 3rd of May 2024' | %s translate --model %s%n",
          System.getenv().getOrDefault("SEQ4J_COMMAND", "./seq4j"), dir);
      o.printf(
          Locale.ROOT,
          "quickstart: exact_match=%.4f seconds=%.0f run=%s%n",
          r.exactMatch(),
          seconds,
          dir);
    }
    return 0;
  }

  static TranslationConfig embeddedConfig(List<String> overrides) throws IOException {
    try (InputStream in = QuickstartCommand.class.getResourceAsStream("quickstart.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return TranslationConfig.parse(yaml, "quickstart.yaml (embedded)", overrides);
    }
  }
}
