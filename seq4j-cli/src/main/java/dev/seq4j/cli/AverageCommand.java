package dev.seq4j.cli;

import dev.seq4j.engine.Engines;
import dev.seq4j.train.ModelAverage;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.translate.TranslationBundle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j average}. */
@Command(
    name = "average",
    mixinStandardHelpOptions = true,
    description =
        "Average the weights of several checkpoints of one translation model (element-wise mean)"
            + " into a new model directory that translate and evaluate load like any other. A run"
            + " keeps its last N evaluation checkpoints with train.keepCheckpoints: N.",
    footer = {
      "%nExamples:",
      "  ./seq4j average --model RUN_DIR --last 5 --out RUN_DIR/averaged",
      "  ./seq4j average --model RUN_DIR --checkpoints step-000400 step-000600 --out avg"
    })
public final class AverageCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, description = "the run directory")
  Path model;

  @Option(
      names = "--last",
      paramLabel = "N",
      description = "average the run's last N checkpoints/step-* (default: all of them)")
  Integer last;

  @Option(
      names = "--checkpoints",
      arity = "1..*",
      paramLabel = "CKPT",
      description =
          "the checkpoints to average: names under RUN/checkpoints (step-000400, best, last) or"
              + " directories")
  List<String> checkpoints = new ArrayList<>();

  @Option(names = "--out", required = true, description = "the new model directory")
  Path out;

  @Override
  public Integer call() throws Exception {
    List<Path> chosen = chosen();
    Engines.start();
    ModelAverage.average(chosen, TranslationBundle::load, out);
    spec.commandLine()
        .getOut()
        .printf("average: %d checkpoints of %s -> %s%n", chosen.size(), model, out);
    return 0;
  }

  /** The checkpoint directories that --last or --checkpoints name. */
  private List<Path> chosen() throws Exception {
    if (last != null && !checkpoints.isEmpty()) {
      throw new IllegalArgumentException("give --last or --checkpoints, not both");
    }
    if (!checkpoints.isEmpty()) {
      List<Path> dirs = new ArrayList<>();
      for (String c : checkpoints) {
        Path named = model.resolve("checkpoints").resolve(c);
        dirs.add(named.toFile().isDirectory() ? named : Path.of(c));
      }
      return dirs;
    }
    List<Path> steps = new RunDirectory(model).stepCheckpoints();
    if (steps.isEmpty()) {
      throw new IllegalArgumentException(
          model
              + " has no checkpoints/step-* to average: train with train.keepCheckpoints: N, or"
              + " name checkpoints with --checkpoints");
    }
    int n = last == null ? steps.size() : last;
    if (n < 1 || n > steps.size()) {
      throw new IllegalArgumentException(
          "--last must be in [1, "
              + steps.size()
              + "] (the run keeps "
              + steps.size()
              + " step checkpoints), was "
              + n);
    }
    return steps.subList(steps.size() - n, steps.size());
  }
}
