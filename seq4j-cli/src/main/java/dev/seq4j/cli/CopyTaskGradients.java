package dev.seq4j.cli;

import ai.djl.ndarray.NDManager;
import dev.seq4j.gradflow.CopyTask;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.plot.LinePlot;
import dev.seq4j.train.MetricsLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code seq4j gradients} on the copy task ({@link CopyTask}): per cell, ‖∂L/∂h_t‖ at
 * initialisation and after training, and the copy accuracy, on one chart.
 */
final class CopyTaskGradients {
  private final GradientsCommand options;
  private final PrintWriter out;

  CopyTaskGradients(GradientsCommand options, PrintWriter out) {
    this.options = options;
    this.out = out;
  }

  int run() throws IOException {
    List<CellType> chosen = options.cells.isEmpty() ? List.of(CellType.values()) : options.cells;
    Map<String, double[]> curves = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (CellType type : chosen) {
        measure(manager, type, curves);
      }
    }
    write(curves);
    out.println(
        "gradients: wrote " + options.out.resolve("gradient-flow.csv") + " and gradient-flow.png");
    return 0;
  }

  /** Measures, trains and measures again one cell; adds its two curves to {@code curves}. */
  private void measure(NDManager manager, CellType type, Map<String, double[]> curves) {
    String name = type.name().toLowerCase(Locale.ROOT);
    int length = options.length;
    long seed = options.seed;
    try (CopyTask task =
        new CopyTask(manager, type, options.symbols, length, options.hidden, seed)) {
      if (options.forgetBias != null && type.keepGate() >= 0) {
        task.cell().setKeepGateBias(options.forgetBias);
      }
      double[] init = task.gradientNorms(64, new Random(seed + 1));
      curves.put(name + "_init", init);
      long started = System.nanoTime();
      Logger logger = new Logger(name, task);
      double loss = task.train(schedule(), new Random(seed + 2), logger);
      double seconds = (System.nanoTime() - started) / 1e9;
      double[] trained = task.gradientNorms(64, new Random(seed + 1));
      curves.put(name + "_trained", trained);
      double accuracy = task.accuracy(1000, new Random(seed + 3));
      out.printf(
          Locale.ROOT,
          "gradients: %-5s T=%d ratio ||dL/dh_1||/||dL/dh_T|| init %.3g trained %.3g;"
              + " after %d steps (%.0f s%s) loss %.4f copy accuracy %.3f (chance %.3f)%n",
          name,
          length,
          init[0] / init[length - 1],
          trained[0] / trained[length - 1],
          options.trainSteps,
          seconds,
          logger.curriculum(),
          loss,
          accuracy,
          1.0 / options.symbols);
      out.flush();
    }
  }

  private CopyTask.Schedule schedule() {
    return options.curriculum > 0
        ? new CopyTask.Schedule(
            options.trainSteps,
            options.batch,
            options.lr,
            options.curriculum,
            options.curriculumLoss)
        : CopyTask.Schedule.fixed(options.trainSteps, options.batch, options.lr);
  }

  /**
   * Every {@code --log-every} steps (never when it is 0) prints the mean loss of those steps and
   * ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ on 16 fresh sequences of length T, so a log shows the ratio change as the
   * model learns; keeps the longest curriculum length and the step that first reached it.
   */
  private final class Logger implements CopyTask.Progress {
    private final String name;
    private final CopyTask task;
    private double sum;
    private int longest;
    private int reachedAt;

    Logger(String name, CopyTask task) {
      this.name = name;
      this.task = task;
    }

    @Override
    public void step(int step, int length, double loss) {
      sum += loss;
      if (length > longest) {
        longest = length;
        reachedAt = step;
      }
      int every = options.logEvery;
      if (every > 0 && step % every == 0) {
        double[] norms = task.gradientNorms(16, new Random(options.seed + 4));
        out.printf(
            Locale.ROOT,
            "gradients: %-5s step %d length %d mean loss %.4f ratio %.3g%n",
            name,
            step,
            length,
            sum / every,
            norms[0] / norms[norms.length - 1]);
        out.flush();
        sum = 0;
      }
    }

    /** ", curriculum reached T at step N" or ", curriculum stopped at length L", or "". */
    String curriculum() {
      if (options.curriculum <= 0 || options.trainSteps == 0) {
        return "";
      }
      return longest == options.length
          ? ", curriculum reached T at step " + reachedAt
          : ", curriculum stopped at length " + longest;
    }
  }

  private void write(Map<String, double[]> curves) throws IOException {
    int length = options.length;
    Path csv = options.out.resolve("gradient-flow.csv");
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
    chart.writePng(options.out.resolve("gradient-flow.png"), 900, 560);
  }
}
