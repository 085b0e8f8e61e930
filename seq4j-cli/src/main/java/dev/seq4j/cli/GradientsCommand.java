package dev.seq4j.cli;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import dev.seq4j.gradflow.CopyTask;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.plot.LinePlot;
import dev.seq4j.train.MetricsLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
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
            + " and prints ||dL/dh_1|| / ||dL/dh_T|| and the copy accuracy per cell.",
    footer = {
      "%nExamples:",
      "  ./seq4j gradients --out runs/gradients",
      "  ./seq4j gradients --cell elman --cell lstm --length 50 --hidden 64 --train-steps 300"
          + " --out runs/g50"
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

  @Option(names = "--seed", description = "random seed (default: 1)")
  long seed = 1;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  /** Case-insensitive cell names. */
  static final class CellConverter implements CommandLine.ITypeConverter<CellType> {
    @Override
    public CellType convert(String value) {
      return CellType.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  @Override
  public Integer call() throws Exception {
    if (length < 2 || hidden < 1 || symbols < 2 || trainSteps < 0) {
      throw new IllegalArgumentException(
          "--length must be >= 2, --hidden >= 1, --symbols >= 2, --train-steps >= 0");
    }
    List<CellType> chosen = cells.isEmpty() ? List.of(CellType.values()) : cells;
    Engines.start();
    Files.createDirectories(out);
    Map<String, double[]> curves = new LinkedHashMap<>();
    PrintWriter o = spec.commandLine().getOut();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (CellType type : chosen) {
        String name = type.name().toLowerCase(Locale.ROOT);
        try (CopyTask task = new CopyTask(manager, type, symbols, length, hidden, seed)) {
          double[] init = task.gradientNorms(64, new Random(seed + 1));
          curves.put(name + "_init", init);
          double loss = task.train(trainSteps, 32, 1e-3, new Random(seed + 2));
          double[] trained = task.gradientNorms(64, new Random(seed + 1));
          curves.put(name + "_trained", trained);
          double accuracy = task.accuracy(1000, new Random(seed + 3));
          o.printf(
              Locale.ROOT,
              "gradients: %-5s T=%d ratio ||dL/dh_1||/||dL/dh_T|| init %.3g trained %.3g;"
                  + " after %d steps loss %.4f copy accuracy %.3f (chance %.3f)%n",
              name,
              length,
              init[0] / init[length - 1],
              trained[0] / trained[length - 1],
              trainSteps,
              loss,
              accuracy,
              1.0 / symbols);
          o.flush();
        }
      }
    }
    write(curves);
    o.println("gradients: wrote " + out.resolve("gradient-flow.csv") + " and gradient-flow.png");
    return 0;
  }

  private void write(Map<String, double[]> curves) throws java.io.IOException {
    Path csv = out.resolve("gradient-flow.csv");
    Files.deleteIfExists(csv);
    MetricsLog log = new MetricsLog(csv);
    for (int t = 0; t < length; t++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("t", t + 1);
      for (Map.Entry<String, double[]> e : curves.entrySet()) {
        row.put(e.getKey(), e.getValue()[t]);
      }
      log.append(row);
    }
    double[] steps = IntStream.rangeClosed(1, length).asDoubleStream().toArray();
    LinePlot chart =
        new LinePlot("Gradient flow through time (loss at t = " + length + ")", "t", "||dL/dh_t||")
            .logY()
            .noMarkers()
            .legendBottom();
    curves.forEach((name, values) -> chart.add(name.replace('_', ' '), steps, values));
    chart.writePng(out.resolve("gradient-flow.png"), 900, 560);
  }
}
