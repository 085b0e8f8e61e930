package dev.seq4j.cli;

import dev.seq4j.data.TextLines;
import dev.seq4j.engine.Engines;
import dev.seq4j.names.Classify;
import dev.seq4j.names.NamesBundle;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seq4j classify}. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description =
        "Predict the nationality of surnames with a trained classifier (task: classify). Prints"
            + " one line per name: NAME, then the --top most probable labels with their"
            + " probabilities, tab-separated; an empty input line gives an empty output line.",
    footer = {
      "%nExamples:",
      "  ./seq4j classify --model runs/names-gru Nakamura Schmidt O'Neill",
      "  ./seq4j classify --model runs/names-gru --top 1 < surnames.txt"
    })
public final class ClassifyCommand implements Callable<Integer> {
  /** Names classified per pass when reading a stream. */
  static final int CHUNK = 1024;

  @Option(names = "--model", required = true, description = "run or checkpoint directory")
  Path model;

  @Option(
      names = "--top",
      defaultValue = "3",
      description = "how many labels to print per name (default: ${DEFAULT-VALUE})")
  int top;

  @Option(
      names = "--input",
      description = "names file, one a line (default: the NAMEs, else stdin)")
  Path input;

  @Option(names = "--output", description = "output file (default: standard output)")
  Path output;

  @Option(
      names = "--line-buffered",
      description =
          "answer each line as soon as it is read (the default when standard input is a"
              + " terminal); otherwise names are classified in blocks of 1,024")
  boolean lineBuffered;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "names to classify")
  List<String> names = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!names.isEmpty() && input != null) {
      throw new IllegalArgumentException("give NAMEs or --input, not both");
    }
    if (top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, was " + top);
    }
    LineOutput.refuseOverwritingInput(input, output);
    Engines.start();
    try (NamesBundle bundle = NamesBundle.load(model)) {
      if (!names.isEmpty()) {
        LineOutput.write(output, w -> write(bundle, names, w));
        return 0;
      }
      try (TextLines lines =
          input == null ? TextLines.of(System.in, "<stdin>") : TextLines.open(input)) {
        LineOutput.write(
            output,
            w ->
                LineOutput.inChunks(
                    lines,
                    LineOutput.chunkSize(lineBuffered, input, CHUNK),
                    chunk -> write(bundle, chunk, w)));
      }
    }
    return 0;
  }

  /** One line per input line; a blank line gives an empty line, so line numbers stay aligned. */
  private void write(NamesBundle bundle, List<String> batch, Writer out) throws IOException {
    List<String> kept = new ArrayList<>(batch.size());
    for (String name : batch) {
      if (!name.isBlank()) {
        kept.add(name.strip());
      }
    }
    List<List<Classify.Scored>> scored = Classify.top(bundle, kept, top);
    int next = 0;
    for (String name : batch) {
      if (name.isBlank()) {
        out.write('\n');
        continue;
      }
      StringBuilder line = new StringBuilder(kept.get(next));
      for (Classify.Scored s : scored.get(next++)) {
        line.append('\t')
            .append(s.label())
            .append(' ')
            .append(String.format(Locale.ROOT, "%.4f", s.probability()));
      }
      out.write(line.append('\n').toString());
    }
    out.flush();
  }
}
