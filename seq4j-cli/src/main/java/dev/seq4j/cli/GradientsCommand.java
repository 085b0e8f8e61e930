package dev.seq4j.cli;

import dev.seq4j.engine.Engines;
import dev.seq4j.model.rnn.CellType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j gradients}: gradient flow through time for Elman, LSTM and GRU cells. */
@Command(
    name = "gradients",
    mixinStandardHelpOptions = true,
    description =
        "Measure ||dL/dh_t|| for every step t of a recurrent layer (loss at the last step) on a"
            + " copy task whose answer is the first symbol, at initialisation and after"
            + " --train-steps updates; writes gradient-flow.csv and gradient-flow.png (log scale)"
            + " and prints ||dL/dh_1|| / ||dL/dh_T|| and the copy accuracy per cell. With"
            + " --trained RUN: the same over the source positions of a trained recurrent"
            + " translator's encoder, L the translation loss of each sentence.",
    footer = {
      "%nExamples:",
      "  ./seq4j gradients --out runs/gradients",
      "  ./seq4j gradients --length 50 --hidden 64 --train-steps 3000 --forget-bias 3"
          + " --out runs/g50",
      "  ./seq4j gradients --trained runs/my-gru --layer 1 --out runs/my-gru-gradients",
      "  ./seq4j gradients --trained runs/my-gru --random --length 50 --out runs/my-gru-random"
    })
public final class GradientsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--cell",
      description = "elman, lstm or gru (repeatable; default: all three)",
      converter = CellConverter.class)
  List<CellType> cells = new ArrayList<>();

  @Option(names = "--length", description = "sequence length T (default: 100)")
  int length = 100;

  @Option(names = "--hidden", description = "hidden units (default: 128)")
  int hidden = 128;

  @Option(names = "--symbols", description = "alphabet size; chance is 1/symbols (default: 4)")
  int symbols = 4;

  @Option(
      names = "--train-steps",
      description = "Adam updates on the copy task before the second measurement (default: 300)")
  int trainSteps = 300;

  @Option(
      names = "--forget-bias",
      paramLabel = "B",
      description =
          "start the gate that keeps the previous state at bias B instead of PyTorch's random draw"
              + " (LSTM: forget gate f; GRU: update gate z; b_ih block = B, b_hh block = 0);"
              + " 1 is the usual remedy (Gers et al. 2000); the Elman cell has no gate and is"
              + " left as it is")
  Double forgetBias;

  @Option(names = "--lr", description = "Adam learning rate (default: 1e-3)")
  double lr = 1e-3;

  @Option(names = "--batch", description = "sequences per training step (default: 32)")
  int batch = 32;

  @Option(
      names = "--log-every",
      paramLabel = "N",
      description =
          "every N steps print the mean training loss and ||dL/dh_1|| / ||dL/dh_T|| on 16 fresh"
              + " sequences (default: 0, never)")
  int logEvery;

  @Option(
      names = "--curriculum",
      paramLabel = "START",
      description =
          "train on sequences START symbols long first and lengthen them by a quarter whenever"
              + " the mean loss of the last 50 steps is below --curriculum-loss, up to --length"
              + " (default: 0, no curriculum)")
  int curriculum;

  @Option(
      names = "--curriculum-loss",
      description = "the loss that moves the curriculum on (default: 0.1)")
  double curriculumLoss = 0.1;

  @Option(names = "--seed", description = "random seed (default: 1)")
  long seed = 1;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(
      names = "--trained",
      paramLabel = "RUN",
      description =
          "instead of the copy task: measure ||dL/dh_t|| on the encoder of this trained recurrent"
              + " translation model (run or checkpoint directory), L the translation loss of a"
              + " sentence; on the run's validation set unless --src or --random is given")
  Path trained;

  @Option(
      names = "--layer",
      description = "with --trained: the encoder layer to measure, from 1 (default: 1)")
  int layer = 1;

  @Option(
      names = "--src",
      description = "with --trained: source sentences, one per line, instead of the validation set")
  Path src;

  @Option(
      names = "--ref",
      description =
          "with --trained --src: their references (without: the model's own greedy translations"
              + " are the targets)")
  Path ref;

  @Option(
      names = "--random",
      description =
          "with --trained: random sequences of --length source tokens (uniform over the source"
              + " vocabulary, specials excluded), the model's own translations as targets")
  boolean random;

  @Option(
      names = "--sentences",
      paramLabel = "N",
      description = "with --trained: at most N sentences, or N random sequences (default: 100)")
  int sentences = 100;

  /** Case-insensitive cell names. */
  static final class CellConverter implements CommandLine.ITypeConverter<CellType> {
    @Override
    public CellType convert(String value) {
      return CellType.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  @Override
  public Integer call() throws Exception {
    checkTrainedOptions();
    if (trained != null) {
      Engines.start();
      Files.createDirectories(out);
      return new TrainedGradients(this, spec.commandLine().getOut()).run();
    }
    checkCopyTaskOptions();
    Engines.start();
    Files.createDirectories(out);
    return new CopyTaskGradients(this, spec.commandLine().getOut()).run();
  }

  private void checkCopyTaskOptions() {
    if (length < 2 || hidden < 1 || symbols < 2 || trainSteps < 0 || batch < 1 || logEvery < 0) {
      throw new IllegalArgumentException(
          "--length must be >= 2, --hidden >= 1, --symbols >= 2, --train-steps >= 0, --batch >= 1,"
              + " --log-every >= 0");
    }
    if (!(lr > 0) || curriculum < 0 || curriculum > length || !(curriculumLoss > 0)) {
      throw new IllegalArgumentException(
          "--lr must be > 0, --curriculum 0 to --length, --curriculum-loss > 0");
    }
  }

  /** The options of one mode only: the copy task's or those of {@code --trained}. */
  private void checkTrainedOptions() {
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    List<String> copyOnly =
        List.of(
            "--hidden",
            "--symbols",
            "--train-steps",
            "--forget-bias",
            "--lr",
            "--batch",
            "--log-every",
            "--curriculum",
            "--curriculum-loss");
    List<String> trainedOnly = List.of("--layer", "--src", "--ref", "--random", "--sentences");
    List<String> wrong =
        (trained == null ? trainedOnly : copyOnly)
            .stream().filter(given::hasMatchedOption).toList();
    if (!wrong.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", wrong)
              + (trained == null
                  ? ": only with --trained RUN"
                  : ": not with --trained (the model comes from the run)"));
    }
    if (trained != null && (random && src != null || ref != null && src == null)) {
      throw new IllegalArgumentException(
          "give --src (and --ref) or --random, not both; --ref needs --src");
    }
    if (trained != null && (sentences < 1 || length < 1)) {
      throw new IllegalArgumentException("--sentences and --length must be >= 1");
    }
  }
}
