package dev.seq4j.cli;

import dev.seq4j.config.SpecialTokens;
import dev.seq4j.data.TextLines;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j vocab}. */
@Command(
    name = "vocab",
    mixinStandardHelpOptions = true,
    description = "Vocabularies.",
    footer = {"%nExample:", "  ./seq4j vocab build --corpus train.en --out en.vocab"},
    subcommands = {VocabCommand.Build.class})
public final class VocabCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code seq4j vocab build}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = "Count tokens of a corpus side and write a vocabulary file.",
      footer = {
        "%nExample:",
        "  ./seq4j vocab build --corpus train.en --tokenizer word --min-freq 2 --max-size 10000 --out en.vocab"
      })
  public static final class Build implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, description = "text file (plain or .gz)")
    Path corpus;

    @CommandLine.Mixin TokenizerOptions tokenizer;

    @Option(
        names = "--min-freq",
        defaultValue = "1",
        description = "minimum count (default: ${DEFAULT-VALUE})")
    int minFreq;

    @Option(
        names = "--max-size",
        defaultValue = "50000",
        description = "maximum size, specials included (default: ${DEFAULT-VALUE})")
    int maxSize;

    @Option(
        names = "--specials",
        defaultValue = "translation",
        description =
            "translation (<pad> <unk> <bos> <eos>), seed (<sos>=0 <eos>=1) or characters (<MASK> <UNK> <BEGIN> <END>)")
    String specials;

    @Option(names = "--out", required = true, description = "vocabulary file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
      SpecialTokens sp =
          switch (specials) {
            case "translation" -> SpecialTokens.translation();
            case "seed" -> SpecialTokens.seed();
            case "characters" -> SpecialTokens.characters();
            default ->
                throw new IllegalArgumentException(
                    "--specials must be translation, seed or characters, was '" + specials + "'");
          };
      Tokenizer tok = tokenizer.create();
      Map<String, Long> counts = new HashMap<>();
      long lines = 0;
      try (TextLines t = TextLines.open(corpus)) {
        while (t.hasNext()) {
          lines++;
          for (String token : tok.tokenize(t.next())) {
            counts.merge(token, 1L, Long::sum);
          }
        }
      }
      Vocabulary v = Vocabulary.fromCounts(counts, sp, minFreq, maxSize);
      v.save(out);
      spec.commandLine()
          .getOut()
          .printf(
              "vocab: %d tokens (%d distinct in %d lines, min-freq %d) written to %s%n",
              v.size(), counts.size(), lines, minFreq, out);
      return 0;
    }
  }
}
