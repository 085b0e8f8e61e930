package dev.seq4j.cli;

import dev.seq4j.data.TextLines;
import dev.seq4j.decode.Translator;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.ModelBundle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j translate}. */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description =
        "Translate one sentence per line (stdin or --input) with a trained model; exactly one output"
            + " line per input line, an empty line for an empty one.",
    footer = {
      "%nExamples:",
      "  echo '12 March 1987' | ./seq4j translate --model runs/quickstart",
      "  ./seq4j translate --model RUN_DIR --input test.de --output test.hyp.en"
    })
public final class TranslateCommand implements Callable<Integer> {
  private static final int CHUNK = 2000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", required = true, description = "run or checkpoint directory")
  Path model;

  @Option(names = "--input", description = "input file (plain or .gz; default: standard input)")
  Path input;

  @Option(names = "--output", description = "output file (default: standard output)")
  Path output;

  @Option(
      names = "--attention",
      description =
          "write, per input line N, DIR/N.json (tokens and weights) and DIR/N.png (heatmap);"
              + " needs a model with attention")
  Path attentionDir;

  @Option(
      names = "--replace-unk",
      description = "replace each <unk> in the output by the source token attended to most")
  boolean replaceUnk;

  private long lineNumber;

  @Override
  public Integer call() throws Exception {
    if (input != null
        && output != null
        && Files.exists(output)
        && Files.isSameFile(input, output)) {
      throw new IllegalArgumentException(
          "--output " + output + " is the input file: refusing to overwrite it");
    }
    Engines.start();
    try (ModelBundle bundle = ModelBundle.load(model);
        TextLines lines =
            input == null ? TextLines.of(System.in, "<stdin>") : TextLines.open(input)) {
      Translator translator = new Translator(bundle, bundle.config().decode());
      if (attentionDir != null) {
        Files.createDirectories(attentionDir);
      }
      if (output == null) {
        Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        translateAll(translator, lines, w);
        w.flush();
        return System.out.checkError() ? 0 : 0;
      }
      Path dir = output.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + output.getFileName() + "-", ".tmp");
      try {
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          translateAll(translator, lines, w);
        }
        Files.move(
            tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    return 0;
  }

  /** Translates in chunks, so large inputs stream through bounded memory. */
  private void translateAll(Translator translator, TextLines lines, Writer out) throws IOException {
    List<String> chunk = new ArrayList<>(CHUNK);
    while (lines.hasNext()) {
      chunk.add(lines.next());
      if (chunk.size() == CHUNK || !lines.hasNext()) {
        for (Translator.Translation t :
            translator.translate(chunk, attentionDir != null, replaceUnk)) {
          lineNumber++;
          if (attentionDir != null) {
            AttentionFiles.write(attentionDir, lineNumber, t);
          }
          out.write(t.text());
          out.write('\n');
        }
        out.flush();
        chunk.clear();
      }
    }
  }
}
