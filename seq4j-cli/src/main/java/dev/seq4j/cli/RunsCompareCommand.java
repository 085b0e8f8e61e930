package dev.seq4j.cli;

import dev.seq4j.plot.LinePlot;
import dev.seq4j.train.MetricsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seq4j runs compare}: one metric of several runs on one chart. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Draw one metrics.csv column of several runs over epochs on one chart.",
    footer = {
      "%nExample:",
      "  ./seq4j runs compare runs/lstm runs/transformer --metric valid_bleu --out bleu.png"
    })
final class RunsCompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories")
  List<Path> runs;

  @Option(
      names = "--metric",
      description = "a metrics.csv column (default: valid_loss), e.g. valid_bleu, train_loss")
  String metric = "valid_loss";

  @Option(names = "--out", required = true, description = "the chart (PNG)")
  Path out;

  @Override
  public Integer call() throws Exception {
    LinePlot chart = new LinePlot(metric + " per run", "epoch", metric);
    if (!metric.endsWith("loss")) {
      chart.legendBottom();
    }
    for (Path run : runs) {
      Path csv = run.resolve("metrics.csv");
      if (!Files.isRegularFile(csv)) {
        throw new IllegalArgumentException(run + ": not a run directory (no metrics.csv)");
      }
      List<Map<String, Double>> rows = MetricsLog.read(csv);
      if (rows.isEmpty() || !rows.get(0).containsKey(metric)) {
        throw new IllegalArgumentException(
            csv + ": no column '" + metric + "' (has " + columns(rows) + ")");
      }
      chart.add(
          run.getFileName().toString(),
          rows.stream().mapToDouble(r -> r.get("epoch")).toArray(),
          rows.stream().mapToDouble(r -> r.get(metric)).toArray());
    }
    chart.writePng(out, 900, 560);
    spec.commandLine().getOut().println("runs compare: wrote " + out);
    return 0;
  }

  private static String columns(List<Map<String, Double>> rows) {
    return rows.isEmpty() ? "no rows" : String.join(", ", rows.get(0).keySet());
  }
}
