package dev.seq4j.cli;

import dev.seq4j.data.TextLines;
import dev.seq4j.io.TempFiles;
import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.TokenizerSpec;
import dev.seq4j.tokenize.Tokenizers;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j bpe}. */
@Command(
    name = "bpe",
    mixinStandardHelpOptions = true,
    description =
        "Byte-pair encoding (Sennrich et al. 2016): learn subword merges, split text into pieces."
            + " In an experiment, data.bpeMerges (or data.bpeVocabulary) does both automatically.",
    footer = {
      "%nExample:",
      "  ./seq4j bpe learn --input train.de --input train.en --merges 8000 --out joint.bpe"
    },
    subcommands = {BpeCommand.Learn.class, BpeCommand.Apply.class})
public final class BpeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code seq4j bpe learn}. */
  @Command(
      name = "learn",
      mixinStandardHelpOptions = true,
      description =
          "Learn merges from one or more files (several files: joint merges, as for a shared"
              + " vocabulary).",
      footer = {"%nExample:", "  ./seq4j bpe learn --input train.de --merges 8000 --out de.bpe"})
  public static final class Learn implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "text file (plain or .gz)")
    List<Path> inputs;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Size size;

    /** How much to learn: a number of merges or a vocabulary size. */
    static final class Size {
      @Option(names = "--merges", required = true, description = "number of merges to learn")
      Integer merges;

      @Option(
          names = "--vocab-size",
          required = true,
          description = "learn merges until the text has this many distinct subword pieces")
      Integer vocabularySize;
    }

    @CommandLine.Mixin TokenizerOptions tokenizer;

    @Option(names = "--out", required = true, description = "codes file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      Tokenizer tok = tokenizer.create();
      Map<String, Long> counts = new HashMap<>();
      for (Path input : inputs) {
        try (TextLines t = TextLines.open(input)) {
          while (t.hasNext()) {
            for (String token : tok.tokenize(t.next())) {
              counts.merge(BpeTokenizer.core(token), 1L, Long::sum);
            }
          }
        }
      }
      Bpe bpe =
          size.merges != null
              ? Bpe.learn(counts, size.merges)
              : Bpe.learnVocabulary(counts, size.vocabularySize);
      Path tmp = TempFiles.sibling(out);
      try {
        bpe.save(tmp);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "bpe: %d merges learned from %d distinct words, written to %s%n",
              bpe.merges().size(), counts.size(), out);
      return 0;
    }
  }

  /** {@code seq4j bpe apply}. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Split each line into subword pieces (space-separated, '@@' marks a piece that continues);"
              + " --reverse joins pieces back into text.",
      footer = {
        "%nExamples:",
        "  ./seq4j bpe apply --codes de.bpe --input test.de --output test.bpe.de",
        "  ./seq4j bpe apply --codes de.bpe --reverse < test.bpe.de"
      })
  public static final class Apply implements Callable<Integer> {
    @Option(names = "--codes", required = true, description = "codes file from 'bpe learn'")
    Path codes;

    @Option(names = "--input", description = "input file (default: standard input)")
    Path input;

    @Option(names = "--output", description = "output file (default: standard output)")
    Path output;

    @CommandLine.Mixin TokenizerOptions tokenizer;

    @Option(names = "--reverse", description = "join pieces and detokenize instead")
    boolean reverse;

    @Override
    public Integer call() throws Exception {
      LineOutput.refuseOverwritingInput(input, output);
      BpeTokenizer bpe = new BpeTokenizer(tokenizer.create(), Bpe.load(codes));
      Tokenizer space = Tokenizers.create(new TokenizerSpec("space", false));
      try (TextLines lines =
          input == null ? TextLines.of(System.in, "<stdin>") : TextLines.open(input)) {
        LineOutput.write(output, w -> convert(lines, w, bpe, space));
      }
      return 0;
    }

    private void convert(TextLines lines, Writer w, BpeTokenizer bpe, Tokenizer space)
        throws IOException {
      while (lines.hasNext()) {
        String line = lines.next();
        w.write(
            reverse ? bpe.detokenize(space.tokenize(line)) : String.join(" ", bpe.tokenize(line)));
        w.write('\n');
      }
    }
  }
}
