package dev.seq4j.cli;

import dev.seq4j.train.RunSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seq4j runs}: a table of the run directories below a directory. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description =
        "List every training run below DIR (default: runs): name, task, model, parameters,"
            + " epochs, best validation metric, test figures, training time and status (running,"
            + " completed, interrupted, diverged).",
    subcommands = RunsCompareCommand.class,
    footer = {
      "%nExamples:",
      "  ./seq4j runs",
      "  ./seq4j runs runs/ --sort best",
      "  ./seq4j runs compare runs/a runs/b --metric valid_bleu --out bleu.png"
    })
public final class RunsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", description = "directory to search (default: runs)")
  Path root = Path.of("runs");

  @Option(
      names = "--sort",
      paramLabel = "COL",
      description = "sort by a column: run, name, task, model, params, epochs, best, time, status")
  String sort = "run";

  /** A column: header, cell text, sort key. */
  private record Column(
      String name, Function<RunSummary, String> cell, Comparator<RunSummary> order) {}

  private static final List<Column> COLUMNS =
      List.of(
          text("run", r -> r.dir().toString()),
          text("name", RunSummary::name),
          text("task", RunSummary::task),
          text("model", RunSummary::model),
          new Column(
              "params",
              r -> r.parameters() < 0 ? "-" : String.format(Locale.ROOT, "%,d", r.parameters()),
              Comparator.comparingLong(RunSummary::parameters)),
          number("epochs", RunSummary::epochs, "%.2f"),
          new Column(
              "best",
              r ->
                  Double.isNaN(r.best())
                      ? "-"
                      : String.format(Locale.ROOT, "%s=%.4f", r.metric(), r.best()),
              Comparator.comparingDouble(r -> nanLast(r.best()))),
          text("test", r -> r.test().isEmpty() ? "-" : r.test()),
          new Column(
              "time",
              r -> Double.isNaN(r.seconds()) ? "-" : clock(r.seconds()),
              Comparator.comparingDouble(r -> nanLast(r.seconds()))),
          text("status", RunSummary::status));

  @Override
  public Integer call() throws Exception {
    Column key =
        COLUMNS.stream()
            .filter(c -> c.name().equals(sort))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--sort must be one of "
                            + COLUMNS.stream().map(Column::name).toList()
                            + ", was '"
                            + sort
                            + "'"));
    List<RunSummary> runs = new ArrayList<>(RunSummary.findAll(root));
    runs.sort(key.order());
    print(runs, spec.commandLine().getOut());
    return 0;
  }

  /** The table: a header and one aligned row per run. */
  static void print(List<RunSummary> runs, PrintWriter out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(COLUMNS.stream().map(Column::name).toArray(String[]::new));
    for (RunSummary r : runs) {
      rows.add(COLUMNS.stream().map(c -> c.cell().apply(r)).toArray(String[]::new));
    }
    int[] width = new int[COLUMNS.size()];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }

  private static Column text(String name, Function<RunSummary, String> cell) {
    return new Column(name, cell, Comparator.comparing(cell));
  }

  private static Column number(
      String name, java.util.function.ToDoubleFunction<RunSummary> value, String format) {
    return new Column(
        name,
        r ->
            Double.isNaN(value.applyAsDouble(r))
                ? "-"
                : String.format(Locale.ROOT, format, value.applyAsDouble(r)),
        Comparator.comparingDouble(r -> nanLast(value.applyAsDouble(r))));
  }

  private static double nanLast(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private static String clock(double seconds) {
    return ProgressBar.clock(seconds);
  }
}
