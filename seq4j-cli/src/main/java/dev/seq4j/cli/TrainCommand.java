package dev.seq4j.cli;

import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.RunConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.names.NamesConfig;
import dev.seq4j.names.NamesExperiment;
import dev.seq4j.train.RunSummary;
import dev.seq4j.train.TrainOutcome;
import dev.seq4j.train.Trainer;
import dev.seq4j.train.TrainingException;
import dev.seq4j.train.TrainingRun;
import dev.seq4j.translate.TranslationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j train}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description =
        "Train a model from an experiment YAML (task: translate, classify or generate). Writes"
            + " config.yaml, metrics.csv, metrics.json, plots/ and checkpoints/{best,last} into the"
            + " run directory; names models add data.json, test.json and a confusion matrix or"
            + " samples.",
    footer = {
      "%nExamples:",
      "  ./seq4j train --config examples/seed-lstm.yaml --set train.epochs=2",
      "  ./seq4j train --config run/config.yaml --out run --resume"
    })
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, description = "experiment YAML file")
  Path config;

  @Option(names = "--set", description = "override a key, e.g. train.epochs=5 (repeatable)")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", description = "run directory (default: runs/NAME-TIMESTAMP)")
  Path out;

  @Option(names = "--resume", description = "continue the run in --out from checkpoints/last")
  boolean resume;

  @Option(
      names = "--quiet",
      description = "print only errors and the final summary (train.log still gets everything)")
  boolean quiet;

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info (default), debug or trace; for the console and train.log")
  String logLevel = "info";

  @Override
  public Integer call() throws Exception {
    if (resume && out == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--resume needs --out RUN_DIR");
    }
    RunConfig run =
        ConfigLoader.load(
            config,
            overrides,
            s ->
                RunConfig.task(s) == RunConfig.Task.TRANSLATE
                    ? TranslationConfig.read(s)
                    : NamesConfig.read(s));
    Path dir = out != null ? out : InterruptibleTraining.defaultDir(run.name());
    if (resume && !Files.isDirectory(dir.resolve("checkpoints"))) {
      throw new IllegalArgumentException(dir + ": nothing to resume (no checkpoints/)");
    }
    try (ConsoleLog console = ConsoleLog.open(dir, quiet, ConsoleLog.Level.parse(logLevel))) {
      try {
        return train(run, dir, console);
      } catch (TrainingException e) {
        console.record("seq4j: error: " + RunSummary.DIVERGED + e.getMessage());
        throw e;
      }
    }
  }

  private int train(RunConfig run, Path dir, ConsoleLog console) throws Exception {
    Engines.start();
    Trainer.TrainResult r;
    Map<String, Object> test = Map.of();
    if (run instanceof NamesConfig names) {
      NamesExperiment.Outcome o =
          InterruptibleTraining.train(
              (listener, onTrainer) ->
                  NamesExperiment.run(
                      names,
                      TrainingRun.in(dir)
                          .resuming(resume)
                          .heardBy(listener)
                          .withTrainer(onTrainer)),
              System.err,
              run.train());
      r = o.train();
      test = o.test();
    } else {
      r = InterruptibleTraining.train((TranslationConfig) run, dir, resume, System.err);
    }
    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            "train: outcome=%s epochs=%d steps=%d seconds=%.1f best_%s=%.4f run=%s",
            r.outcome(),
            r.epochs(),
            r.steps(),
            r.seconds(),
            run.train().metric().name().toLowerCase(),
            r.bestMetric(),
            dir));
    for (String key : List.of("accuracy", "macro_f1", "perplexity", "novel_share")) {
      if (test.get(key) instanceof Number n) {
        summary.add(String.format(Locale.ROOT, "test: %s=%.4f", key, n.doubleValue()));
      }
    }
    for (String line : summary) {
      spec.commandLine().getOut().println(line);
      console.record(line);
    }
    return r.outcome() == TrainOutcome.INTERRUPTED ? 130 : 0;
  }
}
